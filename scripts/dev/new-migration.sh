#!/usr/bin/env bash
# Generates one Drizzle migration and commits it at once, under a lock, so that several people (or
# helpers) working in the same checkout never generate clashing migration numbers or snapshots.
#
#   scripts/dev/new-migration.sh <name> [--sql FILE] -- <paths to commit with it...>
#
# Without --sql: `drizzle-kit generate` from apps/server/src/db/schema.ts (add your table file's
# export line there first and pass the table file and schema.ts as paths).
# With --sql FILE: a custom migration (triggers, functions) whose body is FILE's content.
# Refuses when schema.ts has uncommitted export lines for table files you did not pass: those are
# somebody else's work in progress and would end up in your migration.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

name=${1:?usage: new-migration.sh <name> [--sql FILE] -- <paths...>}
shift
sql_file=""
if [[ ${1:-} == --sql ]]; then
  sql_file=${2:?--sql needs a file}
  shift 2
fi
[[ ${1:-} == -- ]] && shift
paths=("$@")

exec 9>/tmp/suilian-migrations.lock
flock 9

schema=apps/server/src/db/schema.ts
pending=$(git diff HEAD -- "$schema" | grep -E "^\+export \* from" | sed -E "s/^\+export \* from '\.\.\/(.*)\.js';/apps\/server\/src\/\1.ts/" || true)
for table in $pending; do
  found=0
  for p in "${paths[@]}"; do [[ $p == "$table" ]] && found=1; done
  if ((found == 0)); then
    echo "new-migration: $schema exports $table, which is not among your paths (someone else's work in progress?)." >&2
    echo "new-migration: wait until it is committed, or pass it if it is yours." >&2
    exit 2
  fi
done

before=$(ls apps/server/drizzle/*.sql)
if [[ -n $sql_file ]]; then
  npx drizzle-kit generate --config apps/server/drizzle.config.ts --custom --name "$name" >/dev/null
else
  npx drizzle-kit generate --config apps/server/drizzle.config.ts --name "$name"
fi
created=$(comm -13 <(echo "$before") <(ls apps/server/drizzle/*.sql))
if [[ -z $created ]]; then
  echo "new-migration: nothing to generate (schema unchanged?)" >&2
  exit 1
fi
[[ -n $sql_file ]] && cp "$sql_file" "$created"
echo "--- $created"
cat "$created"
git add -- "$created" apps/server/drizzle/meta "${paths[@]}"
git commit -q -m "Migration $(basename "$created" .sql)" -- "$created" apps/server/drizzle/meta "${paths[@]}"
echo "new-migration: committed $(git log -1 --format=%h)"
