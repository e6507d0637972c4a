#!/usr/bin/python3
"""A loopback SMTP server for the e-mail tests: writes each received message to DIR.

Usage: smtp_sink.py PORT DIR. Every message becomes DIR/<n>.eml (the data as received) and
DIR/<n>.json, the message as a reader sees it, decoded by Python's email package:
{rcpt, mail_from, subject, from, to, message_id, date, text, parts: [{type, filename, content}]}.
The .json is renamed into place last, so a reader never sees half a message. Prints "ready" once
it listens; runs until killed.
"""
import email
import email.policy
import json
import os
import sys
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.directory, str(self.count))
        data = envelope.original_content or envelope.content
        with open(base + ".eml", "wb") as f:
            f.write(data)
        message = email.message_from_bytes(data, policy=email.policy.default)
        parts = []
        text = ""
        for part in message.walk():
            if part.is_multipart():
                continue
            content = part.get_content()
            if isinstance(content, bytes):
                content = content.decode("utf-8")
            if part.get_content_type() == "text/plain" and not text:
                text = content
            parts.append({"type": part.get("Content-Type", ""),
                          "filename": part.get_filename() or "", "content": content})
        summary = {"rcpt": envelope.rcpt_tos, "mail_from": envelope.mail_from,
                   "subject": str(message["Subject"]), "from": str(message["From"]),
                   "to": str(message["To"]), "message_id": str(message["Message-ID"]),
                   "date": str(message["Date"]), "text": text, "parts": parts}
        with open(base + ".tmp", "w", encoding="utf-8") as f:
            json.dump(summary, f, ensure_ascii=False)
        os.rename(base + ".tmp", base + ".json")
        return "250 OK"


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Sink(directory), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
