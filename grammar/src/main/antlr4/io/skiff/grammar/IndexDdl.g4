/*
 * Index DDL, the same in the SQL and PartiQL dialects:
 *
 *   CREATE INDEX [IF NOT EXISTS] name ON table USING plugin (attribute) [WITH (key = value, ...)]
 *   DROP INDEX [IF EXISTS] name ON table
 *
 * Keywords are case-insensitive; "double-quoted" names keep their case ("" for a quote); option
 * values are 'strings' ('' for a quote), numbers, TRUE/FALSE or bare words.
 */
grammar IndexDdl;

options { caseInsensitive = true; }

statement
    : (createIndex | dropIndex) SEMICOLON? EOF
    ;

createIndex
    : CREATE INDEX (IF NOT EXISTS)? index=name ON table=name USING plugin=name
      LPAREN attribute=name RPAREN (WITH LPAREN option (COMMA option)* RPAREN)?
    ;

dropIndex
    : DROP INDEX (IF EXISTS)? index=name ON table=name
    ;

option
    : key=name EQ optionValue
    ;

optionValue
    : STRING | NUMBER | MINUS NUMBER | TRUE | FALSE | name
    ;

// Keywords are names too wherever a name fits: an attribute may well be called "index" or "on".
name
    : IDENTIFIER | QUOTED_IDENTIFIER
    | CREATE | DROP | INDEX | IF | NOT | EXISTS | ON | USING | WITH | TRUE | FALSE
    ;

CREATE    : 'CREATE';
DROP      : 'DROP';
INDEX     : 'INDEX';
IF        : 'IF';
NOT       : 'NOT';
EXISTS    : 'EXISTS';
ON        : 'ON';
USING     : 'USING';
WITH      : 'WITH';
TRUE      : 'TRUE';
FALSE     : 'FALSE';

EQ        : '=';
MINUS     : '-';
COMMA     : ',';
SEMICOLON : ';';
LPAREN    : '(';
RPAREN    : ')';

STRING            : '\'' ('\'\'' | ~'\'')* '\'';
QUOTED_IDENTIFIER : '"' ('""' | ~'"')* '"';
IDENTIFIER        : [A-Z_] [A-Z0-9_$]*;
NUMBER            : [0-9]+ ('.' [0-9]*)? ([E] [+-]? [0-9]+)? | '.' [0-9]+ ([E] [+-]? [0-9]+)?;

WHITESPACE    : [ \t\r\n\f]+ -> skip;
LINE_COMMENT  : '--' ~[\r\n]* -> skip;
BLOCK_COMMENT : '/*' .*? '*/' -> skip;

UNTERMINATED_STRING            : '\'' ('\'\'' | ~'\'')*;
UNTERMINATED_QUOTED_IDENTIFIER : '"' ('""' | ~'"')*;
UNTERMINATED_COMMENT           : '/*' (~'*' | '*'+ ~[*/])* '*'*;
ERROR_CHARACTER                : .;
