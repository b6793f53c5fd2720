/*
 * The tokens of Silica's IR text form (.sir). Keywords are reserved only where the grammar expects
 * them: the parser (Sir.g4) also accepts every keyword as a name, so signals may be called `in`,
 * `data` or `add`.
 */
lexer grammar SirLexer;

// Structure
DESIGN      : 'design' ;
ATTRIBUTE   : 'attribute' ;
MODULE      : 'module' ;
IN          : 'in' ;
OUT         : 'out' ;
REG         : 'reg' ;
INIT        : 'init' ;
NEXT        : 'next' ;
ENABLE      : 'enable' ;
MEM         : 'mem' ;
DEPTH       : 'depth' ;
STYLE       : 'style' ;
AUTO        : 'auto' ;
BLOCK       : 'block' ;
DISTRIBUTED : 'distributed' ;
SYNC        : 'sync' ;
ASYNC       : 'async' ;
READ        : 'read' ;
WRITE       : 'write' ;
ADDR        : 'addr' ;
DATA        : 'data' ;
INST        : 'inst' ;
CONNECT     : 'connect' ;
BLACKBOX    : 'blackbox' ;
CLOCK       : 'clock' ;
RESET       : 'reset' ;
PARAM       : 'param' ;
SOURCE      : 'source' ;

// Operations: the mnemonics of dev.silica.ir.Op
CONST    : 'const' ;
NOT      : 'not' ;
NEG      : 'neg' ;
ANDR     : 'andr' ;
ORR      : 'orr' ;
XORR     : 'xorr' ;
ADD      : 'add' ;
SUB      : 'sub' ;
MUL      : 'mul' ;
AND      : 'and' ;
OR       : 'or' ;
XOR      : 'xor' ;
EQ       : 'eq' ;
NE       : 'ne' ;
LT       : 'lt' ;
LE       : 'le' ;
GT       : 'gt' ;
GE       : 'ge' ;
SHL      : 'shl' ;
SHR      : 'shr' ;
SRA      : 'sra' ;
SHLC     : 'shlc' ;
SHRC     : 'shrc' ;
MUX      : 'mux' ;
CAT      : 'cat' ;
SLICE    : 'slice' ;
RESIZE   : 'resize' ;
CAST     : 'cast' ;
SIGNED   : 'signed' ;
UNSIGNED : 'unsigned' ;

/** A type: `u8` (unsigned, 8 bits) or `s12` (signed, two's complement). */
TYPE : [us] [0-9]+ ;

/** A bare name; dots are allowed for instance outputs (`add0.sum`) and flattened names (`pe_2_3.acc`). */
ID : [A-Za-z_$] [A-Za-z0-9_$.]* ;

INT : [0-9]+ ;

/** A quoted name or attribute value, with the escapes \" \\ \n \r \t and \uXXXX. */
STRING : '"' ( ~["\\\r\n] | '\\' ( ["\\nrt] | 'u' HEX HEX HEX HEX ) )* '"' ;

fragment HEX : [0-9a-fA-F] ;

ASSIGN   : '=' ;
COLON    : ':' ;
COMMA    : ',' ;
AT       : '@' ;
MINUS    : '-' ;
QUESTION : '?' ;
LBRACE   : '{' ;
RBRACE   : '}' ;
LBRACKET : '[' ;
RBRACKET : ']' ;

COMMENT : '//' ~[\r\n]* -> skip ;
WS      : [ \t\r\n]+ -> skip ;

/** Any other character: passed to the parser, which reports it with what it expected instead. */
UNEXPECTED_CHAR : . ;
