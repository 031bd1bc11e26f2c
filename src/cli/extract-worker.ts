/**
 * A batch worker thread: pages in (`BatchTask`), JSON lines out (`BatchResult`). Pages are read
 * one after the other even when the next one has already arrived.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processTask, type BatchSettings, type BatchTask } from './batch-page.js';

const settings = workerData as BatchSettings;
let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (task: BatchTask) => {
  queue = queue.then(async () => parentPort!.postMessage(await processTask(task, settings)));
});
