/*
 * DynamoDB's expression strings: condition and filter expressions (also key condition
 * expressions, which are conditions of a restricted shape checked after parsing), projection
 * expressions and update expressions. Values appear only as :value placeholders; names are bare
 * or #name placeholders.
 *
 * Keywords (AND, OR, NOT, BETWEEN, IN, SET, REMOVE, ADD, DELETE) are case-insensitive; function
 * names are kept as written and checked after parsing (DynamoDB's are lowercase and
 * case-sensitive). Any name(args) parses as a call so that an unknown function gets a clear
 * message rather than a syntax error.
 *
 * As in PartiQL.g4 the lexer never fails: unusable characters become ERROR_CHARACTER.
 */
grammar DynamoExpressions;

options { caseInsensitive = true; }

// ---------------------------------------------------------------- entry points

conditionExpression
    : condition EOF
    ;

projectionExpression
    : path (COMMA path)* EOF
    ;

updateExpression
    : updateSection+ EOF
    ;

// ---------------------------------------------------------------- conditions

condition
    : andCondition (OR andCondition)*
    ;

andCondition
    : notCondition (AND notCondition)*
    ;

notCondition
    : NOT notCondition                                  # negation
    | predicate                                         # predicateCondition
    ;

// A lone operand must turn out to be a condition function such as attribute_exists(a); that is
// checked after parsing, where the message can name the function.
predicate
    : LPAREN condition RPAREN                           # parenthesized
    | operand predicateSuffix?                          # operandPredicate
    ;

predicateSuffix
    : comparator operand                                # comparison
    | BETWEEN operand AND operand                       # between
    | IN LPAREN operand (COMMA operand)* RPAREN          # in
    ;

comparator
    : EQ | NE | LT | LE | GT | GE
    ;

operand
    : path                                              # pathOperand
    | VALUE_PLACEHOLDER                                 # valueOperand
    | functionCall                                      # functionOperand
    ;

functionCall
    : IDENTIFIER LPAREN (setValue (COMMA setValue)*)? RPAREN
    ;

// ---------------------------------------------------------------- updates

updateSection
    : SET setAction (COMMA setAction)*                  # setSection
    | REMOVE path (COMMA path)*                         # removeSection
    | ADD pathAndValue (COMMA pathAndValue)*            # addSection
    | DELETE pathAndValue (COMMA pathAndValue)*         # deleteSection
    ;

setAction
    : path EQ setValue
    ;

setValue
    : operand ((PLUS | MINUS) operand)*
    ;

pathAndValue
    : path VALUE_PLACEHOLDER
    ;

// ---------------------------------------------------------------- paths

path
    : pathName pathStep*
    ;

pathStep
    : DOT pathName                                      # memberStep
    | LBRACKET INTEGER RBRACKET                         # indexStep
    ;

pathName
    : IDENTIFIER
    | NAME_PLACEHOLDER
    ;

// ---------------------------------------------------------------- tokens

ADD     : 'ADD';
AND     : 'AND';
BETWEEN : 'BETWEEN';
DELETE  : 'DELETE';
IN      : 'IN';
NOT     : 'NOT';
OR      : 'OR';
REMOVE  : 'REMOVE';
SET     : 'SET';

EQ       : '=';
NE       : '<>';
LE       : '<=';
GE       : '>=';
LT       : '<';
GT       : '>';
PLUS     : '+';
MINUS    : '-';
COMMA    : ',';
DOT      : '.';
LPAREN   : '(';
RPAREN   : ')';
LBRACKET : '[';
RBRACKET : ']';

NAME_PLACEHOLDER  : '#' [A-Z0-9_]+;
VALUE_PLACEHOLDER : ':' [A-Z0-9_]+;
IDENTIFIER        : [A-Z_] [A-Z0-9_]*;
INTEGER           : [0-9]+;

WHITESPACE : [ \t\r\n\f]+ -> skip;

// Never used by a parser rule: it exists so that the parser reports it with a position.
ERROR_CHARACTER : .;
