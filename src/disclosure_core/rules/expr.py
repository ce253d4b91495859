"""The small, safe expression language of rule files: our own tokenizer and parser, never ``eval``.

Grammar (lowest precedence first)::

    expr       := or
    or         := and ("or" and)*
    and        := not ("and" not)*
    not        := "not" not | comparison
    comparison := sum (("==" | "=" | "!=" | "<=" | ">=" | "<" | ">") sum)?
    sum        := product (("+" | "-") product)*
    product    := unary (("*" | "/") unary)*
    unary      := "-" unary | atom
    atom       := NUMBER | REF | NAME "(" expr ("," expr)* ")" | "(" expr ")"

A REF names cells (``requests.new.total``), a fact (``facts.assessment_weight.percent``) or a cell of the
previous year's report (``previous.requests.carried_forward.total``). A segment may select several ids —
``*`` (all), ``@group`` (the rows of a layout group), ``a..b`` (a range in layout order) — and a REF that
selects several cells stands for their sum. Functions: ``sum``, ``abs``, ``min``, ``max``.

>>> parse("requests.new.total + requests.carried_over.total == requests.total.total + 0")
Compare(op='==', left=Binary(op='+', left=Ref(path='requests.new.total', previous=False), right=Ref(path='requests.carried_over.total', previous=False)), right=Binary(op='+', left=Ref(path='requests.total.total', previous=False), right=Num(value=0)))
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

import attrs

from disclosure_core.catalogue import WordedError, choices

FUNCTIONS = frozenset({"sum", "abs", "min", "max"})
COMPARISONS = ("==", "!=", "<=", ">=", "<", ">")

_SEGMENT = r"(?:[A-Za-z_*@{][\w*@{}]*(?:\.\.[A-Za-z_{][\w{}]*)?)"
_TOKEN = re.compile(
    rf"""\s*(?:
    (?P<number>\d+(?:\.\d+)?)
  | (?P<name>{_SEGMENT}(?:\.(?!\.){_SEGMENT})*)
  | (?P<op>==|!=|<=|>=|[<>=+\-*/(),])
  )""",
    re.VERBOSE,
)


class ExpressionError(WordedError):
    """An expression that does not parse; the message says where."""


class NestingError(ExpressionError):
    """An expression nested deeper than :data:`MAX_DEPTH`: said without quoting the (long) expression."""


@attrs.frozen
class Num:
    """A constant."""

    value: int | Decimal


@attrs.frozen
class Ref:
    """A reference to cells, a fact, or cells of the previous report (``previous``)."""

    path: str
    previous: bool = False


@attrs.frozen
class Neg:
    """Unary minus."""

    operand: Expr


@attrs.frozen
class Binary:
    """``+ - * /``."""

    op: str
    left: Expr
    right: Expr


@attrs.frozen
class Call:
    """``sum``, ``abs``, ``min`` or ``max`` of its arguments."""

    name: str
    args: tuple[Expr, ...]


@attrs.frozen
class Compare:
    """A comparison; ``=`` is read as ``==``."""

    op: str
    left: Expr
    right: Expr


@attrs.frozen
class Logic:
    """``and`` / ``or`` over conditions, or ``not`` over one."""

    op: str
    items: tuple[Expr, ...]


Expr = Num | Ref | Neg | Binary | Call | Compare | Logic


def tokenize(text: str) -> list[tuple[str, str, int]]:
    """The tokens of ``text`` as (kind, text, offset).

    >>> [t[1] for t in tokenize("a.b.c>=2")]
    ['a.b.c', '>=', '2']
    """
    tokens: list[tuple[str, str, int]] = []
    position = 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            stripped = len(text[position:]) - len(text[position:].lstrip())
            raise ExpressionError.keyed(
                "expr.character", char=repr(text[position + stripped]), offset=position + stripped
            )
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind), match.start(kind)))
        position = match.end()
    return tokens


MAX_EXPRESSION = 2000
"""Rule expressions are one line of arithmetic; anything longer is a mistake or an attack on the parser."""


@functools.lru_cache(maxsize=4096)
def parse(text: str) -> Expr:
    """Parse an expression; :class:`ExpressionError` names the offending token and its offset.

    Expressions are immutable, so each text is parsed once per process (the loader validates a rule's
    expressions and the compiler reads the same texts again).

    >>> parse("1 +")
    Traceback (most recent call last):
    ...
    disclosure_core.rules.expr.ExpressionError: expected a number, reference or '(' at the end
    """
    if len(text) > MAX_EXPRESSION:
        raise ExpressionError.keyed("expr.too_long", length=len(text), limit=MAX_EXPRESSION)
    parser = _Parser(text, tokenize(text))
    try:
        expr = parser.logic_or()
    except RecursionError:
        raise NestingError.keyed("lint.nested") from None
    if parser.index < len(parser.tokens):
        _kind, token, offset = parser.tokens[parser.index]
        raise ExpressionError.keyed("expr.unexpected", token=repr(token), offset=offset)
    if depth(expr) > MAX_DEPTH:  # long chains (1 + 1 + … nest to the left) as well as brackets
        raise NestingError.keyed("lint.nested")
    return expr


MAX_DEPTH = 100
"""How deeply an expression may nest (brackets, ``not``, ``-``, calls, chains of operators); shipped rules stay
under 10. Checked while parsing, so that compiling and evaluating, which recurse, always have stack to spare."""


def depth(expr: Expr) -> int:
    """How many levels the expression tree has, counted without recursion.

    >>> depth(parse("1")), depth(parse("not (1 + 2 > 3)")), depth(parse("1 + 1 + 1 + 1"))
    (1, 4, 4)
    """
    deepest, stack = 0, [(expr, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(node, Neg):
            stack.append((node.operand, level + 1))
        elif isinstance(node, Binary | Compare):
            stack += [(node.left, level + 1), (node.right, level + 1)]
        elif isinstance(node, Logic):
            stack += [(item, level + 1) for item in node.items]
        elif isinstance(node, Call):
            stack += [(arg, level + 1) for arg in node.args]
    return deepest


class _Parser:
    """Recursive descent over the token list."""

    def __init__(self, text: str, tokens: list[tuple[str, str, int]]) -> None:
        self.text = text
        self.tokens = tokens
        self.index = 0
        self.depth = 0

    def peek(self) -> str | None:
        return self.tokens[self.index][1] if self.index < len(self.tokens) else None

    def take(self) -> tuple[str, str, int]:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect(self, wanted: str) -> None:
        if self.peek() != wanted:
            if self.index < len(self.tokens):
                raise ExpressionError.keyed("expr.expected", wanted=repr(wanted), offset=self.tokens[self.index][2])
            raise ExpressionError.keyed("expr.expected_end", wanted=repr(wanted))
        self.index += 1

    def logic_or(self) -> Expr:
        items = [self.logic_and()]
        while self.peek() == "or":
            self.take()
            items.append(self.logic_and())
        return items[0] if len(items) == 1 else Logic("or", tuple(items))

    def logic_and(self) -> Expr:
        items = [self.logic_not()]
        while self.peek() == "and":
            self.take()
            items.append(self.logic_not())
        return items[0] if len(items) == 1 else Logic("and", tuple(items))

    def deeper(self) -> None:
        """One level more of nesting: refused past :data:`MAX_DEPTH`, so no later walk can overflow the stack."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise NestingError.keyed("lint.nested")

    def logic_not(self) -> Expr:
        if self.peek() == "not":
            self.take()
            self.deeper()
            inner = self.logic_not()
            self.depth -= 1
            return Logic("not", (inner,))
        return self.comparison()

    def comparison(self) -> Expr:
        left = self.additive()
        token = self.peek()
        if token in COMPARISONS or token == "=":
            self.take()
            return Compare("==" if token == "=" else token, left, self.additive())
        return left

    def additive(self) -> Expr:
        expr = self.product()
        while self.peek() in {"+", "-"}:
            op = self.take()[1]
            expr = Binary(op, expr, self.product())
        return expr

    def product(self) -> Expr:
        expr = self.unary()
        while self.peek() in {"*", "/"}:
            op = self.take()[1]
            expr = Binary(op, expr, self.unary())
        return expr

    def unary(self) -> Expr:
        if self.peek() == "-":
            self.take()
            self.deeper()
            inner = self.unary()
            self.depth -= 1
            return Neg(inner)
        return self.atom()

    def atom(self) -> Expr:
        if self.index >= len(self.tokens):
            raise ExpressionError.keyed("expr.operand_end")
        kind, token, offset = self.take()
        if kind == "number":
            return Num(Decimal(token) if "." in token else int(token))
        if token == "(":
            self.deeper()
            expr = self.logic_or()
            self.expect(")")
            self.depth -= 1
            return expr
        if kind == "name" and token in {"and", "or", "not"}:
            raise ExpressionError.keyed("expr.unexpected", token=repr(token), offset=offset)
        if kind == "name" and self.peek() == "(":
            if token not in FUNCTIONS:
                raise ExpressionError.keyed(
                    "expr.function", name=repr(token), offset=offset, known=choices(sorted(FUNCTIONS))
                )
            self.take()
            self.deeper()
            args = [self.logic_or()]
            while self.peek() == ",":
                self.take()
                args.append(self.logic_or())
            self.expect(")")
            self.depth -= 1
            return Call(token, tuple(args))
        if kind == "name":
            if token.startswith("previous."):
                return Ref(token.removeprefix("previous."), previous=True)
            return Ref(token)
        raise ExpressionError.keyed("expr.unexpected", token=repr(token), offset=offset)


def refs(expr: Expr) -> list[Ref]:
    """Every reference in ``expr``, in reading order.

    >>> [r.path for r in refs(parse("a.b.c + previous.a.b.d"))]
    ['a.b.c', 'a.b.d']
    """
    if isinstance(expr, Ref):
        return [expr]
    if isinstance(expr, Num):
        return []
    if isinstance(expr, Neg):
        return refs(expr.operand)
    if isinstance(expr, Binary | Compare):
        return refs(expr.left) + refs(expr.right)
    return [ref for item in (expr.args if isinstance(expr, Call) else expr.items) for ref in refs(item)]


def split_segments(path: str) -> list[str]:
    """The dot-separated segments of a reference, keeping ``a..b`` ranges whole.

    >>> split_segments("requests.granted..other.total")
    ['requests', 'granted..other', 'total']
    """
    return re.split(r"(?<!\.)\.(?!\.)", path)
