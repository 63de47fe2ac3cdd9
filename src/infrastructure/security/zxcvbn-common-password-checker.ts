// The maintained dictionary of common passwords, names and words (zxcvbn-ts: the common list plus
// English and Spanish), with keyboard patterns, repeats and sequences. A password is refused when
// zxcvbn rates it below "safely unguessable" (score 3 of 4).
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import * as spanish from "@zxcvbn-ts/language-es-es";
import type { CommonPasswordChecker } from "../../domain/password-policy.ts";

const MINIMUM_ACCEPTED_SCORE = 3;

export function createZxcvbnCommonPasswordChecker(): CommonPasswordChecker {
  const zxcvbn = new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary, ...spanish.dictionary },
  });
  return {
    isCommon(password, accountWords) {
      const words = accountWords.filter((word) => word.length > 0);
      return zxcvbn.check(password, words).score < MINIMUM_ACCEPTED_SCORE;
    },
  };
}
