/**
 * dockerfile-ast computes an instruction's arguments from its text again on every
 * getArguments()/getRawArguments() call (about half of a whole-file parse: getFlags,
 * getArgumentsRange, getProperties, the rules and the language service all call it). An
 * instruction's text never changes once parsed, so the raw arguments are kept on the
 * instruction the first time. Each call still gets its own array: ModifiableInstruction's
 * getArguments shifts the flags off the array it is given.
 */
import { Instruction } from 'dockerfile-ast';

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
