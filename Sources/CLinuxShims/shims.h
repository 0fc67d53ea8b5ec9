// Linux-only syscalls that Glibc's Swift module does not expose (epoll, eventfd,
// accept4 flags), wrapped as small inline functions so Swift never has to import
// the packed `struct epoll_event` or glibc's enum-typed flag constants.
#ifndef CLINUXSHIMS_H
#define CLINUXSHIMS_H

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <unistd.h>

static const uint32_t SHIMS_EPOLLIN = EPOLLIN;
static const uint32_t SHIMS_EPOLLOUT = EPOLLOUT;
static const uint32_t SHIMS_EPOLLRDHUP = EPOLLRDHUP;
static const uint32_t SHIMS_EPOLLHUP = EPOLLHUP;
static const uint32_t SHIMS_EPOLLERR = EPOLLERR;
static const int SHIMS_EPOLL_CTL_ADD = EPOLL_CTL_ADD;
static const int SHIMS_EPOLL_CTL_MOD = EPOLL_CTL_MOD;
static const int SHIMS_EPOLL_CTL_DEL = EPOLL_CTL_DEL;

/// The most events one `shims_epoll_wait` call returns.
#define SHIMS_MAX_EVENTS 256

static inline int shims_epoll_create(void) {
    return epoll_create1(EPOLL_CLOEXEC);
}

static inline int shims_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data) {
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = events;
    ev.data.u64 = data;
    return epoll_ctl(epfd, op, fd, &ev);
}

/// Waits like epoll_wait and copies the packed events out into two plain arrays,
/// each with room for at least `max` (<= SHIMS_MAX_EVENTS) entries.
static inline int shims_epoll_wait(int epfd, uint32_t *events, uint64_t *datas, int max, int timeout_ms) {
    struct epoll_event evs[SHIMS_MAX_EVENTS];
    if (max > SHIMS_MAX_EVENTS) max = SHIMS_MAX_EVENTS;
    int n = epoll_wait(epfd, evs, max, timeout_ms);
    for (int i = 0; i < n; i++) {
        events[i] = evs[i].events;
        datas[i] = evs[i].data.u64;
    }
    return n;
}

static inline int shims_eventfd(void) {
    return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

/// A TCP socket that is non-blocking and close-on-exec from birth.
static inline int shims_stream_socket(int family) {
    return socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
}

/// Accepted sockets do not inherit O_NONBLOCK on Linux, so ask for it here.
static inline int shims_accept(int fd, struct sockaddr_storage *addr, socklen_t *len) {
    return accept4(fd, (struct sockaddr *)addr, len, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

/// writev with MSG_NOSIGNAL: a peer that has gone gives EPIPE, never SIGPIPE.
static inline ssize_t shims_sendv(int fd, const struct iovec *iov, int count) {
    struct msghdr msg;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = (struct iovec *)iov;
    msg.msg_iovlen = (size_t)count;
    return sendmsg(fd, &msg, MSG_NOSIGNAL);
}

static inline int shims_errno(void) { return errno; }

#endif
