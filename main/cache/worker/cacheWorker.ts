// Worker thread entry. Kept tiny so a bundler can emit it as its own chunk
// (electron-vite: import with `?modulePath`, or add it as a rollup input).
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThisThreadPriority } from './backgroundPriority';
import type { CacheWorkerData } from './protocol';
import { runCacheWorker } from './workerMain';
import { runCheckpointer } from './checkpointer';

if (!parentPort) throw new Error('cacheWorker must run in a worker thread.');
// Background work, both roles: the live view wins a contended core (backgroundPriority.ts).
lowerThisThreadPriority();
const data = workerData as CacheWorkerData;
// One entry for both threads, so a build emits one worker file.
if (data.role === 'checkpointer') runCheckpointer(parentPort, data);
else runCacheWorker(parentPort, data);
