// s3rver in a process of its own, so that its memory and CPU are not the test's. It prints its
// port on the first line of its output and runs until killed or until its parent goes (its
// standard input closes), so that a test process that dies never leaves it behind. Run with --openssl-legacy-provider:
// s3rver makes ListObjectsV2's continuation tokens with DES, which OpenSSL 3 keeps there.
const S3rver = require('s3rver');

const [directory, bucket] = process.argv.slice(2);
new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] })
  .run()
  .then(({ port }) => process.stdout.write(`${port}\n`), (err) => { process.stderr.write(`${err.stack}\n`); process.exit(1); });
process.stdin.on('data', () => {});
process.stdin.on('close', () => process.exit(0));
