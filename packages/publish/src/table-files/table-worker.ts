// A worker thread's entry (threads.ts): writes the files of the tables it is sent, one at a time, in order.
import { parentPort, workerData } from 'node:worker_threads';
import type { TableModel } from '../model';
import { answerJobs, ownBuffers } from '../threads/pool';
import { type EncodedFrame, decodeFrame } from './codec';
import { type TableFiles, tableFiles } from './files';

const model = workerData as TableModel;

answerJobs<EncodedFrame, TableFiles>(parentPort!, (frame) => tableFiles(model, decodeFrame(frame)), (t) => ownBuffers(t.files.map((f) => f.bytes)));
