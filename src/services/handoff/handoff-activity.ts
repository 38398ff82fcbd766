/**
 * A process-wide signal that a handoff moved: a conversation was queued for a person, changed owner or
 * assignee, or its citizen wrote while waiting or held. The verbs announce it after their transaction
 * has committed; whoever carries handoffs elsewhere (the Teams sync) listens and acts at once instead
 * of waiting for its next pass.
 *
 * In this process only: every Node process runs its own Teams sync, so the process where the change
 * happened carries it. The sync's slower loop remains the safety net for whatever a signal misses
 * (a process that stopped mid-way, a change made by the Workers entry, which runs no sync).
 */
type Listener = (conversationId: string) => void;

const listeners = new Set<Listener>();

/** Calls `listener` on every announcement until the returned function is called. */
export function onHandoffActivity(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Tells the listeners that this conversation's handoff moved. A listener that throws is ignored. */
export function announceHandoffActivity(conversationId: string): void {
  for (const listener of listeners) {
    try {
      listener(conversationId);
    } catch {
      // A listener's failure is its own business; the verb that announced has already succeeded.
    }
  }
}
