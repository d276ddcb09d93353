// Worker thread entry. Kept tiny so a bundler can emit it as its own chunk
// (electron-vite: import with `?modulePath`, or add it as a rollup input).
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThisThreadPriority } from './backgroundPriority';
import type { CacheWorkerData } from './protocol';
import { runCacheWorker } from './workerMain';

if (!parentPort) throw new Error('cacheWorker must run in a worker thread.');
// Background work: the live view wins a contended core (backgroundPriority.ts).
lowerThisThreadPriority();
runCacheWorker(parentPort, workerData as CacheWorkerData);
