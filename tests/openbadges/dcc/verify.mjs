// Run the Digital Credentials Consortium verifier (@digitalcredentials/verifier-core) on credential
// JSON files and print one JSON line per file: {file, log, errors}. Used by test_dcc_verifier.py.
import {verifyCredential} from '@digitalcredentials/verifier-core';
import {readFileSync} from 'node:fs';

for (const file of process.argv.slice(2)) {
  const credential = JSON.parse(readFileSync(file, 'utf8'));
  const result = await verifyCredential({credential, knownDIDRegistries: []});
  const errors = (result.errors || []).map(e => ({name: e.name, message: e.message}));
  process.stdout.write(JSON.stringify({file, log: result.log || [], errors}) + '\n');
}
