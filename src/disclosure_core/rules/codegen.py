"""Rules compiled to straight-line code: one generated Python function per (rule set, layout).

The function reads every cell the compiled instances use once into a local (its number, or None when it
holds none) — of this year's report, of last year's (``prev``, only when one was given), the figures stated
in the text (``figs``) and the report's facts, headings, date and level (``facts``, one value each,
:mod:`disclosure_core.rules.report_facts`) — and then tests each instance inline. It asks per instance:
*does it pass for sure?* Those that do are done (their shared pass finding is all a check returns for
them). If not: *is it empty, not verifiable, failing — or passing with a finding (blanks read as 0) — for
sure?* Those findings are made without evaluating anything (their details when shown). The others — and
the instances of kinds that emit no code — go to the detailed (interpreted) path, which is the authority
on every outcome the code does not decide.

Each kind emits its own test (``Kind.emit``, given an :class:`Emitter`); a kind without one, or a check
its kind cannot emit (a condition, money the arithmetic could round, a year-over-year rule against another
layout), is evaluated by the interpreter instead, and :attr:`Program.interpreted` lists those instances.

The generated source is built from validated structures only: the emitter gives out the only names in it
(``n0``, ``K0``, ``C0`` …, generated here), cell addresses, figure ids (checked against the known figures
when the rule was compiled), the keys of the report's facts (checked against
:data:`~disclosure_core.rules.report_facts.KEYS`) and decimal constants enter the function's namespace as
objects (never as text), integers are re-rendered by ``int.__repr__``, and operators come from a fixed
table. Before compiling, :func:`validate` walks the source's syntax tree and refuses any node, name,
attribute or constant outside a small allow-list — whatever a kind's code did.

>>> from disclosure_core.layouts import builtin_layout
>>> from disclosure_core.rules import builtin_rule_set
>>> from disclosure_core.rules.instances import compile_rules
>>> program = compile_rules(builtin_rule_set(), builtin_layout("gov-2021")).program
>>> program.source.splitlines()[0], len(program.inline) > 50
('def _rules(cells, prev, figs, facts, yoy, BLANK, PH, zero):', True)
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from disclosure_core.layouts import CellAddress, CellKind, Layout
from disclosure_core.rules.compile import Number
from disclosure_core.rules.narrative import FIGURES
from disclosure_core.rules.report_facts import KEYS
from disclosure_core.values import BLANK, AbsenceKind, CellValue

OPERATORS = {"==": "==", "!=": "!=", "<=": "<=", ">=": ">=", "<": "<", ">": ">"}
"""Comparison operators a rule may use, mapped to the token emitted (never the rule file's own text)."""

Code = str
"""A Python boolean expression built by an :class:`Emitter`."""


@attrs.frozen
class Test:
    """What a kind emits for one check: ``passes`` holds only when the check passes for sure; ``empty``
    (optional), tested when it does not, only when it ends ``empty`` for sure (the report states nothing);
    ``unverifiable`` (optional), tested when neither holds, only when it ends ``not_verifiable`` for sure;
    ``fails`` and ``noted`` likewise. What none of them decides goes to the interpreter."""

    passes: Code
    empty: Code | None = None
    unverifiable: Code | None = None
    fails: Code | None = None
    """Tested when none of the above holds: only when it ends ``fail`` for sure."""
    noted: Code | None = None
    """Tested last: only when it ends ``pass`` with a finding for sure (blank cells read as 0, say)."""


_NAME = re.compile(r"[nvqwxtKPFTC]\d+")
_ARGUMENTS = ("cells", "prev", "figs", "facts", "yoy", "BLANK", "PH", "zero")
_FIXED_NAMES = {
    "_rules",
    *_ARGUMENTS,
    "get",
    "pget",
    "fget",
    "tget",
    "failed",
    "fail",
    "empty",
    "blank",
    "unverified",
    "unknown",
    "broken",
    "wrong",
    "noted",
    "note",
}
_ATTRIBUTES = {"get", "number", "append", "kind", "value", "percent", "share_digits", "share_scale"}
_NODES = (
    ast.Module,
    ast.FunctionDef,
    ast.arguments,
    ast.arg,
    ast.Assign,
    ast.Expr,
    ast.Call,
    ast.Attribute,
    ast.Name,
    ast.Load,
    ast.Store,
    ast.Constant,
    ast.If,
    ast.UnaryOp,
    ast.Not,
    ast.USub,
    ast.BoolOp,
    ast.And,
    ast.Or,
    ast.BinOp,
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.Compare,
    ast.Eq,
    ast.NotEq,
    ast.Lt,
    ast.LtE,
    ast.Gt,
    ast.GtE,
    ast.Is,
    ast.IsNot,
    ast.Return,
    ast.List,
    ast.Tuple,
)


class UnsafeCode(ValueError):
    """Generated source that contains something outside the allow-list (a bug in a kind, never data)."""


class NotEmitted(ValueError):
    """A check its kind cannot emit after all (a constant that is not finite): left to the interpreter."""


class Emitter:
    """What a kind's ``emit`` builds its test from: a local per cell read and a name per constant.

    >>> emitter = Emitter()
    >>> emitter.number(CellAddress.parse("requests.new.total")), emitter.constant(Decimal("1.5")), emitter.constant(-2)
    ('n0', 'C0', '(-2)')
    """

    def __init__(self, layout: Layout | None = None) -> None:
        self.layout = layout
        self.cells: dict[CellAddress, str] = {}
        self.previous: dict[CellAddress, str] = {}
        self.figures: dict[str, str] = {}
        self.facts: dict[object, str] = {}
        self.values: set[str] = set()
        self.constants: dict[str, Decimal] = {}

    def counts(self, address: CellAddress) -> bool:
        """Whether ``address`` is a count cell of the layout (integers: arithmetic on them is exact)."""
        if self.layout is None or not self.layout.has_cell(address):
            return False
        return self.layout.column_of(address).kind is not CellKind.MONEY

    def previous_number(self, address: CellAddress) -> Code:
        """The local holding last year's ``address``'s number (None when it holds none or there is no report)."""
        if not isinstance(address, CellAddress):
            raise UnsafeCode(f"not a cell address: {address!r}")
        name = self.previous.get(address)
        if name is None:
            name = self.previous[address] = f"q{len(self.previous)}"
        return name

    def previous_not_placeholder(self, address: CellAddress) -> Code:
        """Last year's ``address`` holds a number, or its absence is not a placeholder."""
        name = self.previous_number(address)
        self.values.add(name)
        return f"({name} is not None or w{name[1:]}.kind is not PH)"

    def figure(self, figure: str) -> Code:
        """The local holding the figure the text states under ``figure`` (a known figure id), or None."""
        if figure not in FIGURES:
            raise UnsafeCode(f"not a figure: {figure!r}")
        return _local(self.figures, figure, "x")

    def fact(self, key: object) -> Code:
        """The local holding the report's value under ``key`` (one of
        :data:`~disclosure_core.rules.report_facts.KEYS`: a fact, a heading's number, the date or level), or None."""
        if key not in KEYS:
            raise UnsafeCode(f"not a fact of a report: {key!r}")
        return _local(self.facts, key, "t")

    yoy: Code = "yoy"
    """0 when no previous report was given, 1 when it is of the same layout, 2 for another layout."""

    def number(self, address: CellAddress) -> Code:
        """The local holding ``address``'s number (None when it holds none), read once per report."""
        if not isinstance(address, CellAddress):
            raise UnsafeCode(f"not a cell address: {address!r}")
        name = self.cells.get(address)
        if name is None:
            name = self.cells[address] = f"n{len(self.cells)}"
        return name

    def not_placeholder(self, address: CellAddress) -> Code:
        """``address`` holds a number, or its absence is not a placeholder ("-", "/", "无")."""
        name = self.number(address)
        self.values.add(name)
        return f"({name} is not None or v{name[1:]}.kind is not PH)"

    def states_nothing(self, address: CellAddress) -> Code:
        """``address`` holds 0, or no number and no placeholder: it states nothing a relation could test.
        A cell never set is the ``BLANK`` object itself, so most blanks take one identity test."""
        name = self.number(address)
        self.values.add(name)
        value = f"v{name[1:]}"
        return f"(({value} is BLANK) or ((not {name}) and ({name} is not None or {value}.kind is not PH)))"

    def previous_states_nothing(self, address: CellAddress) -> Code:
        """:meth:`states_nothing` for last year's ``address``."""
        name = self.previous_number(address)
        self.values.add(name)
        value = f"w{name[1:]}"
        return f"(({value} is BLANK) or ((not {name}) and ({name} is not None or {value}.kind is not PH)))"

    zero: Code = "zero"
    """True when the check reads blank cells as 0 (``--blank-as-zero``)."""

    def constant(self, value: Number) -> Code:
        """A numeric constant: an integer re-rendered as digits, a decimal passed by name."""
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise UnsafeCode(f"not a number: {value!r}")
        if isinstance(value, int):
            return f"({int.__repr__(value)})" if value < 0 else int.__repr__(value)
        if not value.is_finite():
            raise NotEmitted(f"{value} is not a finite number")
        name = f"C{len(self.constants)}"
        self.constants[name] = value
        return name

    def compare(self, left: Code, op: str, right: Code) -> Code:
        """``left op right`` with ``op`` one of :data:`OPERATORS`."""
        return f"({left} {OPERATORS[op]} {right})"

    def linear(self, terms: Sequence[tuple[CellAddress, Number]], constant: Number) -> Code:
        """``Σ weight × number + constant`` in the order :func:`linear_total` adds them up."""
        return self.linear_of([(self.number(address), weight) for address, weight in terms], constant)

    def linear_of(self, terms: Sequence[tuple[Code, Number]], constant: Number) -> Code:
        """``Σ weight × term + constant`` over code this emitter made (``(n3 or 0)``, say)."""
        parts: list[str] = []
        for name, weight in terms:
            if weight == 1 and isinstance(weight, int):
                parts.append(f"+ {name}" if parts else name)
            elif weight == -1 and isinstance(weight, int):
                parts.append(f"- {name}" if parts else f"-{name}")
            else:
                product = f"{self.constant(weight)} * {name}"
                parts.append(f"+ {product}" if parts else product)
        if constant != 0 or not parts:
            value = self.constant(constant)
            parts.append(f"+ {value}" if parts else value)
        return f"({' '.join(parts)})"

    @staticmethod
    def all_of(tests: Sequence[Code]) -> Code:
        """Every test holds (true when there are none)."""
        return f"({' and '.join(tests)})" if tests else "(1 == 1)"

    @staticmethod
    def any_of(tests: Sequence[Code]) -> Code:
        """At least one test holds (false when there are none)."""
        return f"({' or '.join(tests)})" if tests else "(1 == 0)"

    @staticmethod
    def present(name: Code) -> Code:
        """The cell read into ``name`` holds a number."""
        return f"({name} is not None)"

    @staticmethod
    def absent(name: Code) -> Code:
        """The cell read into ``name`` holds no number."""
        return f"({name} is None)"


def linear_total(numbers: Sequence[Number], terms: Sequence[tuple[int, Number]], constant: Number) -> Number:
    """``Σ weight × numbers[index] + constant``, added up exactly as the generated code does.

    >>> linear_total([3, 4, 5], [(0, 1), (1, 1), (2, -1)], 0)
    2
    """
    total: Number | None = None
    for index, weight in terms:
        number = numbers[index]
        if weight == 1 and isinstance(weight, int):
            total = number if total is None else total + number
        elif weight == -1 and isinstance(weight, int):
            total = -number if total is None else total - number
        else:
            total = weight * number if total is None else total + weight * number
    if total is None:
        return constant
    return total + constant if constant != 0 else total


Outcomes = tuple[list[int], list[int], list[int], list[int], list[int]]
"""What the generated function returns: the positions (in ``Program.inline``) of the instances it could not
decide, and of those empty, not verifiable, failing and passing with a finding for sure."""


@attrs.frozen
class Program:
    """The generated function and what it covers.

    ``run(cells, previous, figures, facts, yoy, blank_as_zero)`` returns five lists of positions in ``inline``
    (:data:`Outcomes`): the instances it could not decide, and those empty, not verifiable, failing and
    passing with a finding for sure (every other one passes). ``inline`` are the instance indexes it
    tests, ``interpreted`` those it leaves to the interpreter; ``figures`` and ``facts`` tell whether it
    reads the figures stated in the text and the report's facts (:mod:`disclosure_core.rules.report_facts`).
    """

    source: str
    run: Callable[
        [
            Mapping[CellAddress, CellValue],
            Mapping[CellAddress, CellValue],
            Mapping[str, Any],
            Mapping[object, Any],
            int,
            bool,
        ],
        Outcomes,
    ]
    inline: tuple[int, ...]
    interpreted: tuple[int, ...]
    figures: bool = False
    facts: bool = False


def generate(tests: Sequence[tuple[int, Test | None]], emitter: Emitter) -> Program:
    """The program testing ``tests`` ((instance index, test or None for the interpreter)) in one function."""
    inline = [(index, test) for index, test in tests if test is not None]
    interpreted = tuple(index for index, test in tests if test is None)
    keys: dict[str, object] = {f"K{i}": address for i, address in enumerate(emitter.cells)}
    keys.update({f"P{i}": address for i, address in enumerate(emitter.previous)})
    keys.update({f"F{i}": figure for i, figure in enumerate(emitter.figures)})
    keys.update({f"T{i}": key for i, key in enumerate(emitter.facts)})
    lines = [
        f"def _rules({', '.join(_ARGUMENTS)}):",
        "    get = cells.get",
        "    pget = prev.get",
        "    fget = figs.get",
        "    tget = facts.get",
    ]
    for i, name in enumerate(emitter.cells.values()):
        if name in emitter.values:
            lines += [f"    v{i} = get(K{i}, BLANK)", f"    {name} = v{i}.number"]
        else:
            lines.append(f"    {name} = get(K{i}, BLANK).number")
    if emitter.previous:  # without last year's report (yoy 0) nothing of it is read
        lines.append("    if yoy:")
        for i, name in enumerate(emitter.previous.values()):
            if name in emitter.values:
                lines += [f"        w{i} = pget(P{i}, BLANK)", f"        {name} = w{i}.number"]
            else:
                lines.append(f"        {name} = pget(P{i}, BLANK).number")
        lines.append("    else:")
        lines.append(f"        {' = '.join(emitter.previous.values())} = None")
        read = [f"w{name[1:]}" for name in emitter.previous.values() if name in emitter.values]
        if read:
            lines.append(f"        {' = '.join(read)} = BLANK")
    lines += [f"    {name} = fget(F{i})" for i, name in enumerate(emitter.figures.values())]
    lines += [f"    {name} = tget(T{i})" for i, name in enumerate(emitter.facts.values())]
    lines += ["    failed = []", "    fail = failed.append", "    empty = []", "    blank = empty.append"]
    lines += ["    unverified = []", "    unknown = unverified.append", "    broken = []", "    wrong = broken.append"]
    lines += ["    noted = []", "    note = noted.append"]
    for position, (_, test) in enumerate(inline):
        lines.append(f"    if not {test.passes}:")
        branch = "if"
        for condition, record in (
            (test.empty, "blank"),
            (test.unverifiable, "unknown"),
            (test.fails, "wrong"),
            (test.noted, "note"),
        ):
            if condition is not None:
                lines += [f"        {branch} {condition}:", f"            {record}({position})"]
                branch = "elif"
        if branch == "if":
            lines.append(f"        fail({position})")
        else:
            lines += ["        else:", f"            fail({position})"]
    lines.append("    return failed, empty, unverified, broken, noted")
    source = "\n".join(lines) + "\n"
    tree = validate(source)
    namespace: dict[str, Any] = {"__builtins__": {}, **keys, **emitter.constants}
    exec(compile(tree, "<rules>", "exec"), namespace)  # validated above: names, nodes, constants
    function = namespace["_rules"]

    def run(
        cells: Mapping[CellAddress, CellValue],
        previous: Mapping[CellAddress, CellValue],
        figures: Mapping[str, Any],
        facts: Mapping[object, Any],
        yoy: int,
        blank_as_zero: bool,
    ) -> Outcomes:
        placeholder = AbsenceKind.PLACEHOLDER
        result: Outcomes = function(cells, previous, figures, facts, yoy, BLANK, placeholder, blank_as_zero)
        return result

    inline_indexes = tuple(index for index, _ in inline)
    return Program(source, run, inline_indexes, interpreted, bool(emitter.figures), bool(emitter.facts))


def validate(source: str) -> ast.Module:
    """The parsed source, after checking every node against the allow-list; :class:`UnsafeCode` otherwise.

    >>> validate("def _rules(cells, prev, figs, facts, yoy, BLANK, PH, zero):\\n    return __import__\\n")
    Traceback (most recent call last):
    ...
    disclosure_core.rules.codegen.UnsafeCode: name '__import__' is not generated here
    """
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if not isinstance(node, _NODES):
            raise UnsafeCode(f"{type(node).__name__} is not allowed in generated rules")
        if isinstance(node, ast.Name) and node.id not in _FIXED_NAMES and not _NAME.fullmatch(node.id):
            raise UnsafeCode(f"name {node.id!r} is not generated here")
        if isinstance(node, ast.Attribute) and node.attr not in _ATTRIBUTES:
            raise UnsafeCode(f"attribute {node.attr!r} is not allowed")
        if isinstance(node, ast.Constant) and not (
            node.value is None or (type(node.value) is int)  # bool, an int subclass, is refused
        ):
            raise UnsafeCode(f"constant {node.value!r} is not allowed")
        if isinstance(node, ast.Call) and not _allowed_call(node):
            raise UnsafeCode(
                "only get(), pget(), fget(), tget(), fail(), blank(), unknown(), wrong(), note() and the lists' append() are called"
            )
        if isinstance(node, ast.FunctionDef) and (node.name != "_rules" or node.decorator_list):
            raise UnsafeCode("only the one function _rules is generated")
        if isinstance(node, ast.arg) and node.arg not in _ARGUMENTS:
            raise UnsafeCode(f"argument {node.arg!r} is not allowed")
    return tree


def _allowed_call(node: ast.Call) -> bool:
    func = node.func
    if node.keywords:
        return False
    if isinstance(func, ast.Name):
        return func.id in {"get", "pget", "fget", "tget", "fail", "blank", "unknown", "wrong", "note"}
    return isinstance(func, ast.Attribute) and func.attr == "append" and isinstance(func.value, ast.Name)


def names(source: str) -> set[str]:
    """Every identifier in ``source`` (names, attributes, arguments, functions): what a test compares with the allow-list."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.arg):
            found.add(node.arg)
        elif isinstance(node, ast.FunctionDef):
            found.add(node.name)
    return found


K = TypeVar("K")


def _local(names: dict[K, str], key: K, prefix: str) -> str:
    """The generated local for ``key`` (a validated figure id or fact key): the same name for the same key.

    >>> names: dict[str, str] = {}
    >>> _local(names, "a", "x"), _local(names, "b", "x"), _local(names, "a", "x")
    ('x0', 'x1', 'x0')
    """
    name = names.get(key)
    if name is None:
        name = names[key] = f"{prefix}{len(names)}"
    return name
