/**
 * Two costs of dockerfile-ast our parses avoid.
 *
 * dockerfile-ast computes an instruction's arguments from its text again on every
 * getArguments()/getRawArguments() call (about half of a whole-file parse: getFlags,
 * getArgumentsRange, getProperties, the rules and the language service all call it). An
 * instruction's text never changes once parsed, so the raw arguments are kept on the
 * instruction the first time. Each call still gets its own array: ModifiableInstruction's
 * getArguments shifts the flags off the array it is given.
 */
import { DockerfileParser, Instruction, type Dockerfile } from 'dockerfile-ast';
import { Dockerfile as DockerfileClass } from 'dockerfile-ast/lib/dockerfile';

const RAW = Symbol('rawArguments');

type Args = ReturnType<Instruction['getArguments']>;
/** getRawArguments is private in the typings; it is what every getArguments calls. */
interface Memo {
  [RAW]?: Args;
  getRawArguments(): Args;
}

let installed = false;

export function memoizeAstArguments(): void {
  if (installed) return;
  installed = true;
  const proto = Instruction.prototype as unknown as Memo;
  const compute = proto.getRawArguments;
  proto.getRawArguments = function (this: Memo) {
    const cached = (this[RAW] ??= compute.call(this));
    return cached.slice();
  };
}

/**
 * dockerfile-ast ends every parse by handing each top-level comment to the stage that contains
 * it, comparing each comment with every stage's range, itself computed from the stage's
 * instructions each time: quadratic, an eighth of a parse at 14,000 lines. Our model reads its
 * comments from the text, so parseWithoutStageComments skips that step for our parses only (the
 * language service, in the same process, gets the library's full parse).
 */
let skipOrganize = false;
let organizePatched = false;

export function parseWithoutStageComments(text: string): Dockerfile {
  if (!organizePatched) {
    organizePatched = true;
    const proto = DockerfileClass.prototype as unknown as { organizeComments(): void };
    const organize = proto.organizeComments;
    proto.organizeComments = function (this: unknown) {
      if (!skipOrganize) organize.call(this);
    };
  }
  skipOrganize = true;
  try {
    return DockerfileParser.parse(text);
  } finally {
    skipOrganize = false;
  }
}
