import { loadConfig } from '../config';
import { createStores } from '../storage/create-stores';
import { runCli } from './run-cli';

/** Operators: delete everything stored for a user or a conversation (privacy requests). */
runCli(async () => {
  const args = process.argv.slice(2);
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const userId = value('--user');
  const conversationId = value('--conversation');
  if (!userId && !conversationId) {
    process.stderr.write('Aufruf: npm run forget -- --user <Teams-Benutzer-Id> | --conversation <Unterhaltungs-Id>\n');
    return 2;
  }
  const stores = await createStores(loadConfig());
  try {
    const removed = await stores.forget({ userId, conversationId });
    process.stdout.write(`Gelöscht: ${removed} Datensätze\n`);
    return 0;
  } finally {
    await stores.close();
  }
});
