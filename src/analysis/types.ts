/**
 * Optional type information (`settings.numerics.typed: true` with a typed parser setup): the TypeScript checker
 * says whether a value is a TF.js tensor. Without a program the rules fall back to the syntactic evidence;
 * type information is never required.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export interface TypeOracle {
  /** true: a tensor; false: certainly not one (a number, an array, a class instance); undefined: unknown. */
  isTensor(node: TSESTree.Node): boolean | undefined;
}

interface ParserServicesWithTypes {
  program: { getTypeChecker(): Checker } | null;
  esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): unknown };
}

interface TsType {
  flags: number;
  symbol?: { getName(): string };
  aliasSymbol?: { getName(): string };
  isUnion?(): boolean;
  types?: TsType[];
}

interface Checker {
  getTypeAtLocation(node: unknown): TsType;
  typeToString(type: TsType): string;
}

// ts.TypeFlags.Any | ts.TypeFlags.Unknown (stable values in TypeScript 4.8–5.x)
const ANY_OR_UNKNOWN = 1 | 2;

const TENSOR_NAMES = /^(Tensor|Tensor[1-6]D|Scalar|Variable)$/;

export function createTypeOracle(sourceCode: TSESLint.SourceCode): TypeOracle | null {
  const services = sourceCode.parserServices as Partial<ParserServicesWithTypes> | undefined;
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!program || !map) return null;
  const checker = program.getTypeChecker();
  const classify = (type: TsType): boolean | undefined => {
    if (type.flags & ANY_OR_UNKNOWN) return undefined;
    if (type.isUnion?.() && type.types) {
      const parts = type.types.map(classify);
      if (parts.every((part) => part === true)) return true;
      if (parts.every((part) => part === false)) return false;
      return undefined;
    }
    const name = type.aliasSymbol?.getName() ?? type.symbol?.getName() ?? checker.typeToString(type);
    return TENSOR_NAMES.test(name);
  };
  return {
    isTensor(node) {
      const tsNode = map.get(node);
      if (!tsNode) return undefined;
      return classify(checker.getTypeAtLocation(tsNode));
    },
  };
}
