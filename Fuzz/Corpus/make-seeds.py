#!/usr/bin/env python3
"""Writes a seed corpus for one protocol from the golden vectors of its test support file.

    Fuzz/Corpus/make-seeds.py smpp Tests/CarrierWireTests/SMPP/SMPPTestSupport.swift

Every Swift string literal ("..." or \"\"\"...\"\"\") that is a hex dump (hex byte pairs, whitespace,
"0010:"-style offsets) of at least 8 bytes becomes Fuzz/Corpus/<proto>/<name>.bin, named after the
nearest preceding `static let <name>`. One more seed, stream-all.bin, is every vector back to
back: it starts the fuzzer on multi-PDU streams for the PacketDecoder split check.
The old seeds of <proto> are replaced. Run from anywhere; paths are relative to the repository.
"""
import pathlib
import re
import sys

HEX_DUMP = re.compile(r"^(?:\s*(?:[0-9a-fA-F]{4}:)?(?:\s*[0-9a-fA-F]{2})+\s*)+$")
LITERAL = re.compile(r'"""(.*?)"""|"((?:[^"\\\n]|\\.)*)"', re.S)
NAME = re.compile(r"static\s+let\s+(\w+)")


def dump_bytes(text: str) -> bytes:
    tokens = [t for t in text.split() if not t.endswith(":")]
    return bytes.fromhex("".join(tokens))


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    proto, source = sys.argv[1], sys.argv[2]
    root = pathlib.Path(__file__).resolve().parent.parent.parent
    text = (root / source).read_text(encoding="utf-8")
    out = root / "Fuzz" / "Corpus" / proto
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.bin"):
        old.unlink()

    seeds = []
    for match in LITERAL.finditer(text):
        body = match.group(1) if match.group(1) is not None else match.group(2)
        if not body.strip() or not HEX_DUMP.match(body):
            continue
        data = dump_bytes(body)
        if len(data) < 8:
            continue
        names = NAME.findall(text, 0, match.start())
        name = names[-1] if names else f"vector{len(seeds)}"
        if any(name == n for n, _ in seeds):
            name = f"{name}-{len(seeds)}"
        seeds.append((name, data))

    if not seeds:
        print(f"no hex-dump literals found in {source}", file=sys.stderr)
        return 1
    for name, data in seeds:
        (out / f"{name}.bin").write_bytes(data)
    (out / "stream-all.bin").write_bytes(b"".join(data for _, data in seeds))
    total = sum(len(d) for _, d in seeds)
    print(f"{len(seeds)} seeds + stream-all.bin ({total} bytes) in {out.relative_to(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
