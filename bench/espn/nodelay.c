/* nodelay.so, LD_PRELOADed into endzone-feed by bench/lib/espn.sh for one diagnostic row only: sets TCP_NODELAY
 * on every accepted socket. endzone-feed (QHttpServer 6.4) writes a response's headers and its body in two
 * write()s on a socket with Nagle's algorithm on, so on a kept-alive connection the body waits for the client's
 * delayed ACK of the headers (about 40 ms on Linux). This shows what setting QAbstractSocket::LowDelayOption on
 * FeedServer's connections would give, without touching src/. Build: gcc -O2 -shared -fPIC -o nodelay.so nodelay.c -ldl */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

static void nodelay(int fd)
{
    int one = 1;
    if (fd >= 0)
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one); /* fails harmlessly on a non-TCP socket */
}

int accept(int fd, struct sockaddr *addr, socklen_t *len)
{
    static int (*real)(int, struct sockaddr *, socklen_t *);
    if (!real)
        real = (int (*)(int, struct sockaddr *, socklen_t *))dlsym(RTLD_NEXT, "accept");
    int s = real(fd, addr, len);
    nodelay(s);
    return s;
}

int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags)
{
    static int (*real)(int, struct sockaddr *, socklen_t *, int);
    if (!real)
        real = (int (*)(int, struct sockaddr *, socklen_t *, int))dlsym(RTLD_NEXT, "accept4");
    int s = real(fd, addr, len, flags);
    nodelay(s);
    return s;
}
