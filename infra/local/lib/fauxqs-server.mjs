// Starts fauxqs (SNS + SQS emulator) bound to loopback only.
// fauxqs 2.4.1 hard-codes app.listen({ host: "0.0.0.0" }) and offers no bind-address option, so we rewrite the
// wildcard host of any listen() call to FAUXQS_BIND (default 127.0.0.1) before starting it.
import net from "node:net";
import { mkdirSync } from "node:fs";

const bind = process.env.FAUXQS_BIND ?? "127.0.0.1";
const port = parseInt(process.env.FAUXQS_PORT ?? "4510", 10);
const dataDir = process.env.FAUXQS_DATA_DIR || undefined;

const originalListen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const wild = (h) => h === undefined || h === "0.0.0.0" || h === "::" || h === "";
  if (args.length > 0 && typeof args[0] === "object" && args[0] !== null && !(args[0] instanceof net.Server)) {
    if (wild(args[0].host)) args[0] = { ...args[0], host: bind };
  } else if (typeof args[0] === "number" || (typeof args[0] === "string" && /^\d+$/.test(args[0]))) {
    if (typeof args[1] !== "string" || wild(args[1])) {
      const rest = typeof args[1] === "string" || args[1] === undefined ? args.slice(2) : args.slice(1);
      args = [args[0], bind, ...rest];
    }
  }
  return originalListen.apply(this, args);
};

// fauxqs builds queue URLs as http://sqs.<region>.localhost:<port>/... by default, a host name that neither glibc nor
// the JVM resolves (and AWS SDK JS v3 sends SQS calls to the QueueUrl host). Use plain http://<bind>:<port>/<acct>/<name>.
// The store module is imported by file URL (the package's "exports" hides it); it is the same module instance app.js uses.
const { SqsStore } = await import(new URL("../node_modules/fauxqs/dist/sqs/sqsStore.js", import.meta.url));
if (typeof SqsStore?.prototype?.buildQueueUrl !== "function") {
  throw new Error("fauxqs internals changed: SqsStore.buildQueueUrl not found (check the pinned fauxqs version)");
}
SqsStore.prototype.buildQueueUrl = function (queueName) {
  return `http://${bind}:${port}/000000000000/${queueName}`;
};

if (dataDir) mkdirSync(dataDir, { recursive: true });
const { startFauxqs } = await import("fauxqs");
const server = await startFauxqs({
  port,
  logger: process.env.FAUXQS_LOGGER === "true",
  defaultRegion: process.env.FAUXQS_DEFAULT_REGION ?? "us-east-1",
  ...(dataDir ? { dataDir } : {}),
});
console.log(`fauxqs listening on ${server.address} (bound to ${bind}), pid ${process.pid}`);

let stopping = false;
for (const sig of ["SIGTERM", "SIGINT"]) {
  process.on(sig, async () => {
    if (stopping) return;
    stopping = true;
    try { await server.stop(); } catch (e) { console.error(e); }
    process.exit(0);
  });
}
