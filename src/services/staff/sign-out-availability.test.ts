import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { useHandoffQueue } from "../../../test/handoff";
import { auditLog, conversationEvents, staffUsers } from "../../db/schema";
import { setStaffAvailability } from "../handoff/assign-conversation";
import type { HandoffContext } from "../handoff/context";
import { takeNextConversation } from "../handoff/take-next-conversation";
import { takeOverConversation } from "../handoff/take-over-conversation";
import { deactivateStaffUser } from "./deactivate-staff-user";
import { openStaffSession } from "./open-staff-session";
import { RESUME_AVAILABILITY_HOURS, signOutStaff } from "./sign-out-staff";

forEachDatabase("signing out takes a staff member off the handoff queue", (use) => {
  const handoff = useHandoffQueue(use);
  const staff = (id: string, fields: Partial<typeof staffUsers.$inferInsert> = {}) =>
    handoff.staff(id, { capacity: 2, ...fields });
  const row = handoff.row;
  const profile = async (id: string) =>
    (await use().db.select().from(staffUsers).where(eq(staffUsers.id, id)))[0]!;
  const queue = async () => (await handoff.queue()).id;
  const session = (userId: string, now?: Date) =>
    openStaffSession({ ctx: { database: use(), ...(now ? { now } : {}) }, userId, method: "local" });
  const signOut = (sessionToken: string, now = new Date()) =>
    signOutStaff({ ctx: { database: use(), now }, sessionToken, everywhere: false });

  it("on sign-out, the waiting conversations assigned to them go to someone available; the held ones stay", async () => {
    const ana = await staff("so-ana");
    const first = await queue();
    const second = await queue();
    expect((await row(first)).assignedStaffId).toBe("so-ana");
    expect((await row(second)).assignedStaffId).toBe("so-ana");
    await takeOverConversation({ ctx: { database: use(), actor: ana }, input: { conversationId: first } });
    await staff("so-bob");
    const { sessionToken } = await session("so-ana");

    expect(await signOutStaff({ ctx: { database: use() }, sessionToken, everywhere: false })).toEqual({
      ended: 1,
    });

    expect((await profile("so-ana")).available).toBe(false);
    // The one she held is still hers; the one she had not taken now waits for Bob.
    expect(await row(first)).toMatchObject({ state: "human", assignedStaffId: "so-ana" });
    expect(await row(second)).toMatchObject({ state: "waiting", assignedStaffId: "so-bob" });
    const events = await use()
      .db.select()
      .from(conversationEvents)
      .where(and(eq(conversationEvents.conversationId, second), eq(conversationEvents.kind, "assigned")))
      .orderBy(conversationEvents.createdAt);
    expect(events.map((e) => [e.reason, e.text])).toEqual([
      ["general_queue", "so-ana"],
      ["staff_signed_out", null],
      ["general_queue", "so-bob"],
    ]);
    const [audit] = await use()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, "so-ana"), eq(auditLog.action, "staff.sign_out")));
    expect(audit?.details).toMatchObject({ sessions: 1, wasAvailable: true, released: 1 });

    // New requests no longer reach her.
    const third = await queue();
    expect((await row(third)).assignedStaffId).toBe("so-bob");
  });

  it("with nobody else available, what they had not taken is back in the general queue for anyone to take", async () => {
    await staff("so-cleo");
    const waiting = await queue();
    expect((await row(waiting)).assignedStaffId).toBe("so-cleo");
    await session("so-cleo");
    const { sessionToken } = await session("so-cleo");

    expect(await signOutStaff({ ctx: { database: use() }, sessionToken, everywhere: true })).toEqual({
      ended: 2,
    });

    expect((await profile("so-cleo")).available).toBe(false);
    expect(await row(waiting)).toMatchObject({ state: "waiting", assignedStaffId: null });
    // A colleague who is not available can still take it from the general queue.
    const dan = await staff("so-dan", { available: false });
    const taken = await takeNextConversation({ ctx: { database: use(), actor: dan } as HandoffContext });
    expect(taken).toMatchObject({ id: waiting, state: "human", assignedStaffId: "so-dan" });
  });

  it("a deactivated account is taken off the queue and its untaken conversations go to someone else", async () => {
    await staff("so-eve");
    const waiting = await queue();
    expect((await row(waiting)).assignedStaffId).toBe("so-eve");
    await staff("so-fay");
    await staff("so-admin", { available: false, roles: ["admin"] });

    await deactivateStaffUser({
      ctx: { database: use(), actor: { kind: "staff", userId: "so-admin", roles: ["admin"] } },
      input: { id: "so-eve" },
    });

    expect(await profile("so-eve")).toMatchObject({ active: false, available: false });
    expect((await row(waiting)).assignedStaffId).toBe("so-fay");
    const [released] = await use()
      .db.select()
      .from(conversationEvents)
      .where(
        and(
          eq(conversationEvents.conversationId, waiting),
          eq(conversationEvents.reason, "staff_deactivated"),
        ),
      );
    expect(released).toMatchObject({ kind: "assigned", actorKind: "staff", actorId: "so-admin", text: null });
  });

  it("signing out with an unknown session changes nobody's availability", async () => {
    await staff("so-gil");
    expect(
      await signOutStaff({ ctx: { database: use() }, sessionToken: "not-a-session", everywhere: true }),
    ).toEqual({ ended: 0 });
    expect((await profile("so-gil")).available).toBe(true);
  });

  it("signing in again soon after signing out makes an available person available again, and the queue assigns them", async () => {
    await staff("so-hal");
    const { sessionToken } = await session("so-hal");
    const out = new Date();
    await signOut(sessionToken, out);
    expect((await profile("so-hal")).available).toBe(false);
    // Asked while nobody was available: it waits unassigned.
    const waiting = await queue();
    expect((await row(waiting)).assignedStaffId).toBeNull();

    const back = await session("so-hal", new Date(out.getTime() + 60 * 60_000));
    expect(back.availabilityRestored).toBe(true);
    expect(await profile("so-hal")).toMatchObject({ available: true, resumeAvailableUntil: null });
    expect(await row(waiting)).toMatchObject({ state: "waiting", assignedStaffId: "so-hal" });
    const signIns = await use()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, "so-hal"), eq(auditLog.action, "staff.sign_in")))
      .orderBy(auditLog.id);
    expect(signIns.map((a) => a.details)).toEqual([
      { method: "local" },
      { method: "local", availabilityRestored: true },
    ]);
    // Remembered once: a later sign-out and sign-in of someone who had turned it off keeps it off.
    await setStaffAvailability({
      ctx: { database: use(), actor: { kind: "staff", userId: "so-hal", roles: ["agent"] } },
      input: { available: false },
    });
    await signOut(back.sessionToken);
    expect((await session("so-hal")).availabilityRestored).toBe(false);
    expect((await profile("so-hal")).available).toBe(false);
  });

  it("someone who was not available signs in not available", async () => {
    await staff("so-ivy", { available: false });
    const { sessionToken } = await session("so-ivy");
    await signOut(sessionToken);
    expect((await session("so-ivy")).availabilityRestored).toBe(false);
    expect((await profile("so-ivy")).available).toBe(false);
  });

  it(`signing in more than ${RESUME_AVAILABILITY_HOURS} h after signing out leaves them to choose`, async () => {
    await staff("so-jon");
    const { sessionToken } = await session("so-jon");
    const out = new Date();
    await signOut(sessionToken, out);
    const later = new Date(out.getTime() + (RESUME_AVAILABILITY_HOURS + 1) * 3_600_000);
    expect((await session("so-jon", later)).availabilityRestored).toBe(false);
    expect((await profile("so-jon")).available).toBe(false);
  });

  it("turning availability on or off after signing out (from another session) wins over the remembered one", async () => {
    await staff("so-kim");
    const first = await session("so-kim");
    await session("so-kim");
    await signOut(first.sessionToken);
    expect((await profile("so-kim")).resumeAvailableUntil).not.toBeNull();
    // Still signed in elsewhere, they turn it on and off again there.
    const actor = { kind: "staff" as const, userId: "so-kim", roles: ["agent" as const] };
    await setStaffAvailability({ ctx: { database: use(), actor }, input: { available: true } });
    await setStaffAvailability({ ctx: { database: use(), actor }, input: { available: false } });
    expect((await session("so-kim")).availabilityRestored).toBe(false);
    expect((await profile("so-kim")).available).toBe(false);
  });
});
