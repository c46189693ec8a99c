#!/usr/bin/env bash
# SQL in src/ is only built from prepared statements with bound values: no user input is ever concatenated
# into a statement. Rules (each violation is printed with file:line):
#  1. No .arg() on a string that holds SQL (QString::arg is how input would be pasted in).
#  2. QSqlQuery::exec(...) with an argument only on a literal or on the schema's own constant statements.
#  3. Every other SQL string is concatenated only from literals and a fixed list of helpers that produce
#     column names and "?" placeholders (placeholders(), Schema::gameColumns(), columns/rows/assignments).
#  4. Values go in through bindValue()/addBindValue() only.
set -uo pipefail
src=${1:-$(dirname "$0")/../../src}
status=0
sql='(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|WHERE|VALUES|FROM)[ (]'
files=$(grep -rlE "QSql|$sql" "$src" --include='*.cpp' --include='*.h')
for f in $files; do
    # 1. .arg( on a line that holds an SQL keyword inside a string literal.
    while IFS= read -r hit; do
        echo "$f:$hit: SQL built with .arg()"; status=1
    done < <(grep -nE "\"[^\"]*$sql[^\"]*\"[^;]*\.arg\(" "$f" | grep -vE 'failure\(|qC(Warning|Info|Debug|Critical)|m_error|u"cannot |u"database ' |
        grep -vE 'SET version = %1"_s\.arg\(version \+ 1\)') # the migration counter: an int of ours
    # 2. exec() with an argument that is not a literal (u"..."_s) nor a schema migration statement.
    while IFS= read -r hit; do
        echo "$f:$hit: exec() of a statement that is not a literal"; status=1
    done < <(grep -nE '\.exec\([^)]' "$f" | grep -vE '\.exec\(u"[^"]*"_s\)|\.exec\(statement\)')
    # 3. SQL literals concatenated with anything but the allowed helpers.
    while IFS= read -r hit; do
        rest=$(echo "$hit" | sed -E 's/u?"([^"\\]|\\.)*"(_s|_L1)?//g')
        rest=$(echo "$rest" | sed -E 's/(GameRows::)?placeholders\([^)]*\)|Schema::gameColumns\(\)\.join\([^)]*\)|columns\.join\([^)]*\)|rows\.join\([^)]*\)|assignments\.join\([^)]*\)|u'"'"'.'"'"'|\+ *where\b//g')
        if echo "$rest" | grep -qE '\+ *[A-Za-z_]'; then
            echo "$f:$hit: SQL concatenated with a non-constant"; status=1
        fi
    done < <(grep -nE "\"[^\"]*$sql" "$f" | grep -E '\+' | grep -vE 'failure\(|qC(Warning|Info|Debug|Critical)')
done
# 3b. `where` (allowed above) is either built from literals and placeholders in writeWeek, or the argument of
# selectGames(), which every caller passes as a literal.
while IFS= read -r hit; do
    echo "$hit: selectGames() called with a WHERE clause that is not a literal"; status=1
done < <(grep -rnE 'selectGames\(' "$src" --include='*.cpp' | grep -vE 'selectGames\((u"|$)|Result<QList<Game>> (GameStore::)?selectGames\(')
# 2b. the migrations that exec(statement) are literals in schema.cpp.
if grep -q 'exec(statement)' "$src/core/gamestore.cpp" && grep -nE 'arg\(|\+ *[a-z]' "$src/core/schema.cpp" | grep -iE "$sql"; then
    echo "schema.cpp: a migration statement is not constant"; status=1
fi
# 4. bound values are used.
binds=$(grep -rE 'bindValue|addBindValue' "$src" --include='*.cpp' | wc -l)
echo "checked $(echo "$files" | wc -w) files with SQL; $binds bindValue() calls"
[ "$binds" -gt 0 ] || { echo "no bound values at all?"; status=1; }
[ $status -eq 0 ] && echo "OK: SQL is built only from constants and placeholders"
exit $status
