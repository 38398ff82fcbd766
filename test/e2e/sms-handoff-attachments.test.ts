import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pause, type SmsHandoffTest, startSmsHandoffTest } from "../../channels/sms/sms-handoff.fixture";

/**
 * An SMS citizen waiting for a person, then held by one, sends photos by MMS: the staff member sees them
 * in the conversation (API and console page) as links to Twilio's media, with their content types.
 */
describe("MMS attachments of a citizen handed to a person", () => {
  let sms: SmsHandoffTest;
  const PHOTO = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1";
  // Characters that must be escaped in an attribute: the page must not let a URL break out of href.
  const ODD = `https://media.example.org/ME2?a=1&b='x'&c="y"&d=<z>`;
  const PDF = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM3/Media/ME3";

  beforeAll(async () => {
    sms = await startSmsHandoffTest("+40722999222");
  }, 60_000);
  afterAll(() => sms?.close());

  const outbound = () => sms.outbound();
  const text: SmsHandoffTest["text"] = (...args) => sms.text(...args);
  const staff: SmsHandoffTest["staff"] = (...args) => sms.staff(...args);
  type Message = { role: string; text: string; attachments: { url: string; contentType: string | null }[] };
  const transcript = async (id: string) =>
    ((await (await staff("GET", `/v1/staff/conversations/${id}`)).json()) as { transcript: Message[] })
      .transcript;

  it("stores the media with the message and shows it to staff while waiting and while held", async () => {
    await text("I want to talk to a person please");
    for (let i = 0; i < 400 && outbound().length < 1; i++) await pause(25);
    const queue = (await (await staff("GET", "/v1/staff/conversations")).json()) as {
      conversations: { id: string; channel: string }[];
    };
    const id = queue.conversations.find((c) => c.channel === "sms")!.id;

    // While waiting: a photo with a caption, and one with awkward characters in its link and no caption.
    await text("Here is the broken bench", {
      NumMedia: "2",
      MediaUrl0: PHOTO,
      MediaContentType0: "image/jpeg",
      MediaUrl1: ODD,
      MediaContentType1: "image/png",
    });
    let citizenMessages = (await transcript(id)).filter((m) => m.role === "citizen");
    expect(citizenMessages.at(-1)).toMatchObject({
      text: "Here is the broken bench",
      attachments: [
        { url: PHOTO, contentType: "image/jpeg" },
        { url: ODD, contentType: "image/png" },
      ],
    });
    expect(citizenMessages[0]!.attachments).toEqual([]);

    // While held: a document without any text.
    expect((await staff("POST", `/v1/staff/conversations/${id}/take-over`, {})).status).toBe(200);
    await text("", { NumMedia: "1", MediaUrl0: PDF, MediaContentType0: "application/pdf" });
    citizenMessages = (await transcript(id)).filter((m) => m.role === "citizen");
    expect(citizenMessages.at(-1)).toMatchObject({
      text: "[photo]",
      attachments: [{ url: PDF, contentType: "application/pdf" }],
    });

    const page = await staff("GET", `/staff/conversations/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(
      `<a href="${PHOTO}" target="_blank" rel="noopener noreferrer">Attachment 1 (image/jpeg)</a>`,
    );
    expect(html).toContain(
      `<a href="https://media.example.org/ME2?a=1&amp;b=&#39;x&#39;&amp;c=&quot;y&quot;&amp;d=&lt;z&gt;" target="_blank" rel="noopener noreferrer">Attachment 2 (image/png)</a>`,
    );
    expect(html).toContain(
      `<a href="${PDF}" target="_blank" rel="noopener noreferrer">Attachment 1 (application/pdf)</a>`,
    );
    expect(html).not.toContain(ODD);
  }, 60_000);
});
