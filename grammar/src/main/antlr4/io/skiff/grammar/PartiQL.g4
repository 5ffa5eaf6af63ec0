/*
 * PartiQL as DynamoDB accepts it: SELECT, INSERT, UPDATE and DELETE on one table, plus the
 * EXISTS(SELECT ...) condition check of transactions.
 *
 * Keywords are case-insensitive; "double-quoted" names keep their case and may hold any
 * character ("" stands for one quote); 'single-quoted' strings use '' for one quote.
 *
 * The grammar is deliberately a little wider than the dialect where a semantic check gives a
 * better message than a syntax error: any name(args) is a function call, any expression may
 * appear in a SELECT list or as a struct key, RETURNING parses after INSERT and DELETE. The AST
 * builder (module parser) rejects what the dialect does not allow, naming the construct.
 *
 * The lexer never fails: characters it cannot use become ERROR_CHARACTER and unclosed strings,
 * names or comments become UNTERMINATED_* tokens, so every problem surfaces as one parser error
 * with a position and the facade can word it.
 */
grammar PartiQL;

options { caseInsensitive = true; }

// ---------------------------------------------------------------- statements

statement
    : (select | insert | update | delete | conditionCheck) SEMICOLON? EOF
    ;

select
    : SELECT projection FROM tableName whereClause? orderByClause? limitClause?
    ;

projection
    : STAR                                              # selectAll
    | expression (COMMA expression)*                    # selectList
    ;

tableName
    : name (DOT name)?
    ;

whereClause
    : WHERE expression
    ;

orderByClause
    : ORDER BY orderItem (COMMA orderItem)*
    ;

// DynamoDB orders by key attributes (paths); Skiff also orders by a distance call, with LIMIT.
// Any primary parses here so that the AST builder can name what ORDER BY does not accept.
orderItem
    : primary (ASC | DESC)?
    ;

// Skiff's nearest-neighbour extension: ORDER BY distance(path, value) LIMIT k. The AST builder
// refuses it in any other shape.
limitClause
    : LIMIT primary
    ;

insert
    : INSERT INTO tableName VALUE expression returningClause?
    ;

update
    : UPDATE tableName updateClause+ whereClause returningClause?
    ;

// DynamoDB lets SET and REMOVE repeat and mix: SET a = 1 SET b = 2 REMOVE c, d
updateClause
    : SET assignment (COMMA assignment)*                # setClause
    | REMOVE path (COMMA path)*                         # removeClause
    ;

assignment
    : path EQ expression
    ;

delete
    : DELETE FROM tableName whereClause returningClause?
    ;

returningClause
    : RETURNING (ALL | MODIFIED) (OLD | NEW) STAR
    ;

// A transaction's condition check: the statement is true when the SELECT finds an item.
conditionCheck
    : NOT? EXISTS LPAREN select RPAREN
    ;

// ---------------------------------------------------------------- expressions
// Precedence, loosest first: OR, AND, NOT, predicates, + and -.

expression
    : andExpression (OR andExpression)*
    ;

andExpression
    : notExpression (AND notExpression)*
    ;

notExpression
    : NOT notExpression                                 # negation
    | predicate                                         # predicateExpression
    ;

// The operand comes first and the suffix decides what kind of predicate it is, so the parser
// never has to look past an operand to choose (fast SLL prediction).
predicate
    : additive predicateSuffix?
    ;

predicateSuffix
    : comparisonOperator additive                       # comparison
    | NOT? BETWEEN additive AND additive                # between
    | NOT? IN valueList                                 # in
    | IS NOT? (MISSING | NULL)                          # is
    ;

comparisonOperator
    : EQ | NE | LT | LE | GT | GE
    ;

valueList
    : LBRACKET expressionList? RBRACKET
    | LPAREN expressionList? RPAREN
    ;

additive
    : primary ((PLUS | MINUS) primary)*
    ;

primary
    : literal                                           # literalPrimary
    | QUESTION_MARK                                     # parameter
    | EXISTS LPAREN select RPAREN                       # exists
    | IDENTIFIER LPAREN expressionList? RPAREN          # functionCall
    | path                                              # pathPrimary
    | LPAREN expression RPAREN                          # parenthesized
    | LBRACE (structField (COMMA structField)*)? RBRACE # struct
    | LBRACKET expressionList? RBRACKET                 # list
    | LT_LT expressionList? GT_GT                       # set
    ;

structField
    : expression COLON expression
    ;

expressionList
    : expression (COMMA expression)*
    ;

literal
    : STRING                                            # stringLiteral
    | (PLUS | MINUS)? NUMBER                            # numberLiteral
    | (TRUE | FALSE)                                    # booleanLiteral
    | NULL                                              # nullLiteral
    | MISSING                                           # missingLiteral
    ;

path
    : name pathStep*
    ;

pathStep
    : DOT name                                          # memberStep
    | LBRACKET NUMBER RBRACKET                          # indexStep
    ;

name
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | nonReservedKeyword
    ;

// Keywords that only mean something in one spot (after ORDER, INSERT INTO t, RETURNING, at the end
// of a SELECT), so they can double as plain names: value, old, new, all, desc and limit are common
// attribute names.
nonReservedKeyword
    : ALL | ASC | BY | DESC | LIMIT | MODIFIED | NEW | OLD | VALUE
    ;

// ---------------------------------------------------------------- tokens

ALL       : 'ALL';
AND       : 'AND';
ASC       : 'ASC';
BETWEEN   : 'BETWEEN';
BY        : 'BY';
DELETE    : 'DELETE';
DESC      : 'DESC';
EXISTS    : 'EXISTS';
FALSE     : 'FALSE';
FROM      : 'FROM';
IN        : 'IN';
INSERT    : 'INSERT';
INTO      : 'INTO';
IS        : 'IS';
LIMIT     : 'LIMIT';
MISSING   : 'MISSING';
MODIFIED  : 'MODIFIED';
NEW       : 'NEW';
NOT       : 'NOT';
NULL      : 'NULL';
OLD       : 'OLD';
OR        : 'OR';
ORDER     : 'ORDER';
REMOVE    : 'REMOVE';
RETURNING : 'RETURNING';
SELECT    : 'SELECT';
SET       : 'SET';
TRUE      : 'TRUE';
UPDATE    : 'UPDATE';
VALUE     : 'VALUE';
WHERE     : 'WHERE';

EQ            : '=';
NE            : '<>' | '!=';
LT_LT         : '<<';
GT_GT         : '>>';
LE            : '<=';
GE            : '>=';
LT            : '<';
GT            : '>';
PLUS          : '+';
MINUS         : '-';
STAR          : '*';
COMMA         : ',';
DOT           : '.';
COLON         : ':';
SEMICOLON     : ';';
QUESTION_MARK : '?';
LPAREN        : '(';
RPAREN        : ')';
LBRACKET      : '[';
RBRACKET      : ']';
LBRACE        : '{';
RBRACE        : '}';

STRING            : '\'' ('\'\'' | ~'\'')* '\'';
QUOTED_IDENTIFIER : '"' ('""' | ~'"')* '"';
IDENTIFIER        : [A-Z_] [A-Z0-9_$]*;
// Unsigned: a sign is an operator or part of a signed literal, so a-1 is a subtraction.
NUMBER            : DIGITS ('.' DIGITS?)? EXPONENT? | '.' DIGITS EXPONENT?;

fragment DIGITS   : [0-9]+;
fragment EXPONENT : 'E' [+-]? DIGITS;

WHITESPACE    : [ \t\r\n\f]+ -> skip;
LINE_COMMENT  : '--' ~[\r\n]* -> skip;
BLOCK_COMMENT : '/*' .*? '*/' -> skip;

// Never used by a parser rule: they exist so that the parser reports them with a position.
// Each is one character shorter than the closed form, which therefore wins when it matches.
UNTERMINATED_STRING            : '\'' ('\'\'' | ~'\'')*;
UNTERMINATED_QUOTED_IDENTIFIER : '"' ('""' | ~'"')*;
UNTERMINATED_COMMENT           : '/*' (~'*' | '*'+ ~[*/])* '*'*;
ERROR_CHARACTER                : .;
