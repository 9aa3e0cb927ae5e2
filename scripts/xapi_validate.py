#!/usr/bin/env python3
"""Validates xAPI statements (JSON Lines) with Ralph's strict pydantic model.

Run with the venv's python (see scripts/lrs-venv.sh):

    xapi_validate.py [FILE ...] < statements.jsonl

Reads one statement per line from the FILEs, or from stdin when none is given ("-" is
stdin too); blank lines are skipped. Each statement is checked with
ralph.models.xapi.base.statements.BaseXapiStatement, which is stricter than what Ralph's
LRS checks on ingest (IRIs, score.scaled in [-1, 1], timestamps, durations, no empty
values, no unknown fields). For every invalid statement it prints

    line N: <statement id>: <pydantic error summary>

(prefixed with "FILE: " when reading files), then `N valid, M invalid`.
Exit status: 0 iff every statement is valid, 1 if one is not, 2 if a file cannot be read.
"""

import contextlib
import json
import re
import sys

from pydantic import ValidationError
from ralph.models.xapi.base.statements import BaseXapiStatement

MAX_ERRORS_SHOWN = 3


# pydantic names the member of a Union that an error is about in its location
# ("actor.BaseXapiAgentWithMbox.mbox"); field names in xAPI never look like that.
_UNION_MEMBER = re.compile(r"^[A-Z]\w*$")


def _closest_union_members(errors):
    """Keep, for each Union, only the errors of the member that came closest to matching.

    A statement whose object is an Activity with a bad id otherwise also reports why it is
    not a StatementRef, an Agent, a Group and a SubStatement.
    """
    by_union = {}  # location before the member name -> {member name: error count}
    for err in errors:
        for i, part in enumerate(err["loc"]):
            if isinstance(part, str) and _UNION_MEMBER.match(part):
                members = by_union.setdefault(err["loc"][:i], {})
                members[part] = members.get(part, 0) + 1
                break
    best = {loc: min(members, key=members.get) for loc, members in by_union.items()}
    kept = []
    for err in errors:
        for i, part in enumerate(err["loc"]):
            if isinstance(part, str) and _UNION_MEMBER.match(part):
                if best[err["loc"][:i]] == part:
                    kept.append(err)
                break
        else:
            kept.append(err)
    return kept


def _summary(error: ValidationError) -> str:
    errors = _closest_union_members(error.errors(include_url=False))
    parts = []
    for err in errors[:MAX_ERRORS_SHOWN]:
        loc = ".".join(str(part) for part in err["loc"]) or "(statement)"
        parts.append(f"{loc}: {err['msg']}")
    if len(errors) > MAX_ERRORS_SHOWN:
        parts.append(f"(+{len(errors) - MAX_ERRORS_SHOWN} more)")
    return "; ".join(parts)


def _check_line(text):
    """Return (statement id, None) when valid, else (statement id, error summary)."""
    try:
        statement = json.loads(text)
    except json.JSONDecodeError as exc:
        return "-", f"not JSON: {exc}"
    if not isinstance(statement, dict):
        return "-", f"expected a JSON object, got {type(statement).__name__}"
    statement_id = statement.get("id")
    shown_id = statement_id if isinstance(statement_id, str) and statement_id else "(no id)"
    try:
        BaseXapiStatement.model_validate(statement)
    except ValidationError as exc:
        return shown_id, _summary(exc)
    return shown_id, None


def main(argv=None):
    names = (sys.argv[1:] if argv is None else argv) or ["-"]
    valid = invalid = 0
    for name in names:
        prefix = "" if name == "-" else f"{name}: "
        try:
            stream = sys.stdin if name == "-" else open(name, encoding="utf-8")
        except OSError as exc:
            print(f"xapi_validate: cannot read {name}: {exc}", file=sys.stderr)
            return 2
        with contextlib.nullcontext(stream) if name == "-" else stream:
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                statement_id, problem = _check_line(line)
                if problem is None:
                    valid += 1
                else:
                    invalid += 1
                    print(f"{prefix}line {number}: {statement_id}: {problem}")
    print(f"{valid} valid, {invalid} invalid")
    return 0 if invalid == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
