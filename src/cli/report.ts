import { deliveryCsv } from '../broadcast/delivery-csv';
import { loadConfig } from '../config';
import { createStores } from '../storage/create-stores';
import { runCli } from './run-cli';

const ID = /^[0-9a-f-]{36}$/;

/** Operators and coordinators: the delivery report of one news item as CSV on stdout. */
runCli(async () => {
  const args = process.argv.slice(2);
  const id = args.includes('--broadcast') ? args[args.indexOf('--broadcast') + 1] : undefined;
  if (!id || !ID.test(id)) {
    process.stderr.write(
      'Aufruf: npm run report -- --broadcast <Id der Neuigkeit> (die Id steht im Koordination-Tab)\n',
    );
    return 2;
  }
  const stores = await createStores(loadConfig());
  try {
    if (!(await stores.broadcasts.get(id))) {
      process.stderr.write(`Keine Neuigkeit mit der Id ${id}.\n`);
      return 1;
    }
    process.stdout.write(await deliveryCsv(stores, id));
    return 0;
  } finally {
    await stores.close();
  }
});
