#!/usr/bin/env python3
"""Opens N TCP connections to an echo server, checks each with one echoed byte, then holds them.

Prints "ready N" once every connection has answered, then waits until stdin closes (or a signal),
and closes everything. Used by bench/idle.sh; one process stays under the per-process open-file cap.
"""
import socket
import sys


def main():
    host, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    conns = []
    for _ in range(count):
        s = socket.create_connection((host, port), timeout=30)
        conns.append(s)
    for s in conns:
        s.sendall(b"x")
    failed = 0
    for s in conns:
        if s.recv(1) != b"x":
            failed += 1
    print(f"ready {count - failed} failed {failed}", flush=True)
    sys.stdin.read()
    for s in conns:
        s.close()


if __name__ == "__main__":
    main()
