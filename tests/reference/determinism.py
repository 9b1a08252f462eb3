#!/usr/bin/env python3
"""Reference implementation of docs/determinism.md, independent of the C++ code.

    determinism.py --write FILE   writes the test vectors
    determinism.py --check FILE   exits 1 unless FILE holds exactly what this script computes
"""
import json
import sys

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15
TAGS = {"user_id": 1, "access_key_id": 2, "secret_access_key": 3, "request_id": 4,
        "fault_draw": 5}
BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
HEX = "0123456789abcdef"
UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
AWS_SECRET = ALNUM + "+/"


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def stream(seed, kind, n):
    state = mix((mix(seed ^ TAGS[kind]) + n) & MASK)
    while True:
        state = (state + GOLDEN) & MASK
        yield mix(state)


def text(seed, kind, n, alphabet, length):
    draws = stream(seed, kind, n)
    return "".join(alphabet[next(draws) % len(alphabet)] for _ in range(length))


def base32(data):
    bits = int.from_bytes(data, "big")
    nbits = len(data) * 8
    return "".join(BASE32[(bits >> (nbits - 5 * (i + 1))) & 31] for i in range(nbits // 5))


def aws_access_key_id(seed, n, account):
    d = next(stream(seed, "access_key_id", n))
    head = (1 << 47) | (int(account) << 7) | (d & 0x7F)
    tail = (d >> 7) & 0xFFFFFFFF
    return "AKIA" + base32(head.to_bytes(6, "big") + tail.to_bytes(4, "big"))


def request_ids(seed, n):
    draws = stream(seed, "request_id", n)
    hi, lo = next(draws), next(draws)
    huawei = "%016x%016x" % (hi, lo)
    hi = (hi & ~0xF000 & MASK) | 0x4000
    lo = (lo & ~(3 << 62) & MASK) | (2 << 62)
    h = "%016x%016x" % (hi, lo)
    aws = "-".join([h[0:8], h[8:12], h[12:16], h[16:20], h[20:32]])
    return aws, huawei


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for byte in text.encode():
        h = ((h ^ byte) * 0x100000001B3) & MASK
    return h


def fault_pattern(seed, rule_id, probability, calls):
    """Which of a fault rule's matched calls fire ("1") or not ("0")."""
    out = ""
    for n in range(calls):
        d = next(stream(seed ^ fnv1a64(rule_id), "fault_draw", n))
        out += "1" if (d >> 11) * 2.0 ** -53 < probability else "0"
    return out


def vectors(seed, count=4):
    account = "123456789012"
    out = {"seed": seed, "aws_account_id": account, "aws": [], "huawei": [], "request_ids": []}
    for n in range(count):
        out["aws"].append({
            "n": n,
            "user_id": "AIDA" + text(seed, "user_id", n, BASE32, 17),
            "access_key_id": aws_access_key_id(seed, n, account),
            "secret_access_key": text(seed, "secret_access_key", n, AWS_SECRET, 40),
        })
        out["huawei"].append({
            "n": n,
            "user_id": text(seed, "user_id", n, HEX, 32),
            "access_key_id": text(seed, "access_key_id", n, UPPER_ALNUM, 20),
            "secret_access_key": text(seed, "secret_access_key", n, ALNUM, 40),
        })
        aws, huawei = request_ids(seed, n)
        out["request_ids"].append({"n": n, "aws": aws, "huawei": huawei})
    out["fault_patterns"] = [
        {"rule": rule, "probability": p, "pattern": fault_pattern(seed, rule, p, 40)}
        for rule, p in (("flaky", 0.3), ("rule-1", 0.5), ("mostly", 0.9))]
    return out


def document():
    return json.dumps({"generated_by": "tests/reference/determinism.py",
                       "vectors": [vectors(0), vectors(20261122)]}, indent=2) + "\n"


def main(argv):
    if len(argv) != 3 or argv[1] not in ("--write", "--check"):
        print(__doc__, file=sys.stderr)
        return 2
    if argv[1] == "--write":
        with open(argv[2], "w") as f:
            f.write(document())
        return 0
    with open(argv[2]) as f:
        if f.read() != document():
            print(argv[2] + " differs from the reference implementation; "
                  "regenerate it with --write and review the diff", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
