#!/usr/bin/env python3
"""smtp_sink — a local SMTP server for the outbox tests (aiosmtpd, Debian's
python3-aiosmtpd). Listens on 127.0.0.1:PORT and writes every message it
accepts as DIR/<n>.eml (the raw bytes as received, with an X-Envelope line
of MAIL FROM and RCPT TO first), written to a temporary name and renamed,
so a reader never sees half a file. Prints "ready" once listening; stops on
SIGTERM or SIGINT.

Usage: smtp_sink.py PORT DIR
"""
import os
import signal
import sys
import threading

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            n = len([f for f in os.listdir(self.folder) if f.endswith('.eml')]) + 1
            name = os.path.join(self.folder, '%06d-%d.eml' % (n, os.getpid()))
            tmp = name + '.tmp'
            with open(tmp, 'wb') as f:
                f.write(('X-Envelope: %s -> %s\r\n' % (envelope.mail_from, ','.join(envelope.rcpt_tos))).encode())
                f.write(envelope.original_content or envelope.content)
            os.rename(tmp, name)
        return '250 Message accepted for delivery'


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    ctl = Controller(Sink(folder), hostname='127.0.0.1', port=port)
    ctl.start()
    print('ready', flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: stop.set())
    signal.signal(signal.SIGINT, lambda *a: stop.set())
    stop.wait()
    ctl.stop()


if __name__ == '__main__':
    main()
