// Starts dynalite (DynamoDB's JSON API on LevelDB, npm, MIT) bound to loopback only, data kept on disk.
// The dynalite CLI has no host option (it listens on every interface), so the server is started here through its
// programmatic API: listen(port, host). The table-status delays (CREATING -> ACTIVE after 500 ms by default) are set
// to 0: nothing here tests them, and they would only slow `stack up`.
import { mkdirSync } from "node:fs";
import dynalite from "dynalite";

const host = process.env.DYNALITE_BIND ?? "127.0.0.1";
const port = parseInt(process.env.DYNALITE_PORT ?? "8000", 10);
const path = process.env.DYNALITE_DATA_DIR;
if (!path) throw new Error("DYNALITE_DATA_DIR is required: the read models must survive a stack restart");
mkdirSync(path, { recursive: true });

const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(port, host, (err) => {
  if (err) { console.error(err); process.exit(1); }
  console.log(`dynalite listening on http://${host}:${port}, data in ${path}, pid ${process.pid}`);
});

let stopping = false;
for (const sig of ["SIGTERM", "SIGINT"]) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    // close() lets LevelDB flush and release its LOCK file, so the next start opens the same data.
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
