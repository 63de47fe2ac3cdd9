// zxcvbn-ts with its common, English and Spanish dictionaries, keyboard graphs, repeats and
// sequences: whether a password is guessable. Building the dictionaries takes about 0.4 s and each
// rating 60-70 ms of synchronous work, so the bot runs this in a worker thread (zxcvbn-worker.ts).
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import * as spanish from "@zxcvbn-ts/language-es-es";

/** zxcvbn's "safely unguessable": a lower score is refused. */
export const MINIMUM_ACCEPTED_SCORE = 3;

export interface TRatingRequest {
  readonly password: string;
  readonly accountWords: readonly string[];
}

export function createZxcvbnRating(): (request: TRatingRequest) => boolean {
  let zxcvbn: ZxcvbnFactory | undefined;
  return ({ password, accountWords }) => {
    zxcvbn ??= new ZxcvbnFactory({
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...english.dictionary, ...spanish.dictionary },
    });
    const words = accountWords.filter((word) => word.length > 0);
    return zxcvbn.check(password, [...words]).score < MINIMUM_ACCEPTED_SCORE;
  };
}
