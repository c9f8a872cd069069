import { randomBytes } from 'node:crypto';

/** A teacher's message to POST /api/messages with expectReplies; the replies come back as one JSON string. */
export async function askOverHttp(
  baseUrl: string,
  text: string,
  conversation = `c-${randomBytes(4).toString('hex')}`,
): Promise<string> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      channelId: 'msteams',
      deliveryMode: 'expectReplies',
      serviceUrl: 'http://127.0.0.1:1/',
      from: { id: 'teacher' },
      recipient: { id: 'bot' },
      conversation: { id: conversation, conversationType: 'personal' },
      text,
    }),
  });
  return JSON.stringify(await res.json());
}
