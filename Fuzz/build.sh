#!/usr/bin/env bash
# Builds the libFuzzer targets into Fuzz/.work/bin/: parser-fuzz, router-fuzz, ingest-fuzz.
#
# The package's library modules are compiled by SwiftPM (debug, so -enable-testing lets the harnesses use
# @testable import) with -sanitize=fuzzer,address into Fuzz/.work/build; each harness in Fuzz/Targets is then
# compiled with swiftc and linked against those objects. Nothing in the main package changes.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# CONFIG=release builds the modules optimised (-O, with -enable-testing) into Fuzz/.work/build-release and the
# binaries into Fuzz/.work/bin-release: about 30x more executions a second for the ingest target.
CONFIG=${CONFIG:-debug}
if [ "$CONFIG" = release ]; then
    SCRATCH=$ROOT/Fuzz/.work/build-release; BIN=$ROOT/Fuzz/.work/bin-release; OPT=(-c release -Xswiftc -enable-testing)
else
    SCRATCH=$ROOT/Fuzz/.work/build; BIN=$ROOT/Fuzz/.work/bin; OPT=()
fi
mkdir -p "$BIN"
MODULE=${MODULE:-EvidenceAPI}   # MODULE=Ingest is enough for the ingest target

swift build "${OPT[@]}" --scratch-path "$SCRATCH" --target "$MODULE" -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -v "^\[" || true
DEBUG=$SCRATCH/$CONFIG
test -f "$DEBUG/Modules/$MODULE.swiftmodule" || { echo "module build failed" >&2; exit 1; }

# Every object of the libraries and their dependencies (not the CLI, not tests).
mapfile -t OBJECTS < <(find "$DEBUG/" -path '*/evidence.build/*' -prune -o -path '*Tests.build/*' -prune -o \
    -path '*/ArgumentParser*' -prune -o -path '*/Logging.build/*' -prune -o -name '*.o' -print | sort)

FLAGS=(-sanitize=fuzzer,address -parse-as-library -g $([ "$CONFIG" = release ] && echo -O || echo -Onone)
       -I "$DEBUG/Modules" -I "$DEBUG"
       -I Sources/CSQLite -I Sources/CLibXML2 -I Sources/CLinuxShims -Xcc -I/usr/include/libxml2)
for mm in $(find "$SCRATCH/checkouts/swift-crypto" -name module.modulemap 2>/dev/null); do FLAGS+=(-Xcc -fmodule-map-file="$mm"); done
for inc in $(find "$SCRATCH/checkouts" -type d -name include 2>/dev/null); do FLAGS+=(-Xcc -I"$inc"); done
LIBS=(-lsqlite3 -lxml2 -lstdc++)

build() { # name harness
    echo "linking $1"
    swiftc "${FLAGS[@]}" "Fuzz/Targets/$2" "${OBJECTS[@]}" "${LIBS[@]}" -o "$BIN/$1"
}
targets=("${@:-parser router ingest}")
for t in ${targets[*]}; do
    case $t in
        parser) build parser-fuzz ParserFuzz.swift ;;
        router) build router-fuzz RouterFuzz.swift ;;
        ingest) build ingest-fuzz IngestFuzz.swift ;;
        *) echo "unknown target $t" >&2; exit 2 ;;
    esac
done
ls -la "$BIN"
