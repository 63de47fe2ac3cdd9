// The worker thread that rates passwords (see zxcvbn-rating.ts): the event loop of the bot never
// waits for the dictionary.
import { parentPort } from "node:worker_threads";
import { serveModuleWorker } from "../threads/module-worker.ts";
import { createZxcvbnRating, type TRatingRequest } from "./zxcvbn-rating.ts";

if (parentPort !== null) serveModuleWorker<TRatingRequest, boolean>(parentPort, createZxcvbnRating());
