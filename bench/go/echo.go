// Command echo is a goroutine-per-connection TCP echo server using only the standard library. It is a
// benchmark peer for Weft's echo server: the idiomatic Go baseline, not a tuned one.
//
//	go run bench/go/echo.go -addr 127.0.0.1:7002
//
// Each connection gets one 16 KiB buffer; whatever a read returns is written back before the next read,
// so a client that stops reading stalls only its own goroutine. Go sets TCP_NODELAY by default.
// Prints "go echo listening on ADDR" once bound (the real port when asked for port 0).
package main

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:7002", "address to listen on (port 0 picks a free port)")
	flag.Parse()

	listener, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "go echo:", err)
		os.Exit(1)
	}
	fmt.Printf("go echo listening on %s\n", listener.Addr())

	for {
		conn, err := listener.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			// Usually out of file descriptors: back off instead of spinning, as net/http does.
			fmt.Fprintln(os.Stderr, "go echo: accept:", err)
			time.Sleep(10 * time.Millisecond)
			continue
		}
		go echo(conn)
	}
}

func echo(conn net.Conn) {
	defer conn.Close()
	buf := make([]byte, 16*1024)
	for {
		n, err := conn.Read(buf)
		if n > 0 {
			if _, werr := conn.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}
