import { describe, expect, it } from "vitest";
import type { Notification, Notifier } from "../ports/notifier";
import { createNotifierDispatcher } from "./notifier-dispatcher";

const recorder = () => {
  const sent: Notification[] = [];
  const notifier: Notifier = { notify: async (n) => void sent.push(n) };
  return { sent, notifier };
};
const notice = (channel: string): Notification => ({
  contactId: "c1",
  conversationId: "v1",
  channel,
  lang: "ro",
  text: "Sesizarea CD-2026-000001 este rezolvată.",
  event: "case.status_change",
  caseReference: "CD-2026-000001",
});

describe("Notifier dispatcher", () => {
  it("sends each notice through its channel's adapter, and a caller's by SMS", async () => {
    const web = recorder();
    const sms = recorder();
    const dispatcher = createNotifierDispatcher({ web: web.notifier, sms: sms.notifier });
    await dispatcher.notify(notice("web"));
    await dispatcher.notify(notice("sms"));
    await dispatcher.notify(notice("voice"));
    expect(web.sent.map((n) => n.channel)).toEqual(["web"]);
    expect(sms.sent.map((n) => n.channel)).toEqual(["sms", "sms"]);
    expect(sms.sent[1]).toMatchObject({ conversationId: "v1", caseReference: "CD-2026-000001" });
  });

  it("drops a notice for a channel with no adapter configured, without failing the change", async () => {
    const web = recorder();
    const dispatcher = createNotifierDispatcher({ web: web.notifier });
    await expect(dispatcher.notify(notice("voice"))).resolves.toBeUndefined();
    await expect(dispatcher.notify(notice("teams"))).resolves.toBeUndefined();
    expect(web.sent).toHaveLength(0);
  });
});
