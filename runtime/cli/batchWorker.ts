/**
 * A worker thread of the batch commands: builds the line handler once, then answers each piece of the call log
 * it is sent with the output lines (as bytes, transferred back) and what it counted.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type BatchRequest, type BatchWorkerData, type LineHandler, lineHandler, workOn } from './batchWork.ts';

const data = workerData as BatchWorkerData;
const handler = lineHandler(data) as LineHandler<unknown>;

parentPort!.on('message', (req: BatchRequest) => {
  const reply = workOn(handler, data, req);
  parentPort!.postMessage(reply, [reply.out.buffer as ArrayBuffer]);
});
