/** A batch worker thread: pages in (`BatchTask`), JSON lines out (`BatchResult`), in any order. */
import { parentPort, workerData } from 'node:worker_threads';
import { processTask, type BatchSettings, type BatchTask } from './batch-page.js';

const settings = workerData as BatchSettings;
parentPort!.on('message', (task: BatchTask) => {
  void processTask(task, settings).then((result) => parentPort!.postMessage(result));
});
