#!/usr/bin/env python3
"""The server's own view of a load run's throughput, to check what a load generator reports against.

  server_rate.py sample redis|nginx PORT FILE   # appends "nanotime count" to FILE every 250 ms until killed
  server_rate.py rate FILE                      # prints the median rate (per second) of the middle half

The count is Redis's INFO total_commands_processed, or nginx's stub_status request total (from
/nginx_status, which the calibration's nginx.conf serves). The sampler's own requests (4 a second)
are counted too and are negligible. The middle half leaves out connection set-up, warm-up ramps and
the tail where connections finish at different times.
"""
import socket
import statistics
import sys
import time


def redis_count(sock):
    sock.sendall(b"INFO stats\r\n")
    data = b""
    while True:
        data += sock.recv(65536)
        if data.startswith(b"$"):
            header, _, rest = data.partition(b"\r\n")
            if len(rest) >= int(header[1:]) + 2:
                break
    for line in data.split(b"\r\n"):
        if line.startswith(b"total_commands_processed:"):
            return int(line.split(b":")[1])
    raise RuntimeError("no total_commands_processed in INFO")


def nginx_count(port):
    with socket.create_connection(("127.0.0.1", port), 1) as s:
        s.sendall(b"GET /nginx_status HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    body = data.split(b"\r\n\r\n", 1)[1].decode()
    # Active connections: N / server accepts handled requests / A H R / Reading: ...
    return int(body.splitlines()[2].split()[2])


def sample(kind, port, path):
    sock = socket.create_connection(("127.0.0.1", port)) if kind == "redis" else None
    with open(path, "a") as out:
        while True:
            count = redis_count(sock) if kind == "redis" else nginx_count(port)
            out.write(f"{time.monotonic_ns()} {count}\n")
            out.flush()
            time.sleep(0.25)


def rate(path):
    points = [tuple(map(int, line.split())) for line in open(path) if line.strip()]
    rates = [(c1 - c0) * 1e9 / (t1 - t0) for (t0, c0), (t1, c1) in zip(points, points[1:]) if t1 > t0]
    busy = [r for r in rates if r > 10]  # leave out idle intervals before and after the load
    if len(busy) < 4:
        print("n/a")
        return
    quarter = len(busy) // 4
    print(round(statistics.median(busy[quarter:len(busy) - quarter])))


if __name__ == "__main__":
    if sys.argv[1] == "sample":
        sample(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif sys.argv[1] == "rate":
        rate(sys.argv[2])
    else:
        sys.exit(__doc__)
