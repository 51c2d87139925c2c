import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { formatMoney, MoneyFormatError, parseMoney } from '../../domain/wallets/money.js';
import { ErrorCode } from '../../errors.js';

function badMoney(message: string, node?: ValueNode): GraphQLError {
  return new GraphQLError(message, { nodes: node, extensions: { code: ErrorCode.BAD_USER_INPUT } });
}

function parse(value: unknown, node?: ValueNode): bigint {
  if (typeof value !== 'string') {
    throw badMoney(`Money must be sent as a decimal string such as "12.5", not as ${typeof value}`);
  }
  try {
    return parseMoney(value);
  } catch (error) {
    if (error instanceof MoneyFormatError) throw badMoney(error.message, node);
    throw error;
  }
}

/**
 * `Money`: an amount as a decimal string with at most 6 fraction digits, e.g. "12.5", "0.0085",
 * "-3". Parsed straight to bigint micro-units (never through a JS number); output is canonical
 * (no trailing zeros, "0" for zero). Input that is not such a string is BAD_USER_INPUT.
 */
export const MoneyScalar = new GraphQLScalarType<bigint, string>({
  name: 'Money',
  description:
    'An amount of money in the currency of its wallet, as a decimal string with at most 6 fraction digits, e.g. "12.5", "0.0085", "-3". Output is canonical: no trailing zeros.',
  serialize(value) {
    if (typeof value !== 'bigint') throw new TypeError(`Money must be serialised from a bigint of micros, got ${typeof value}`);
    return formatMoney(value);
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badMoney('Money must be written as a decimal string such as "12.5"', ast);
    return parse(ast.value, ast);
  },
});
