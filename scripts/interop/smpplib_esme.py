#!/usr/bin/env python3
"""An independent SMPP peer: python-smpplib (PyPI) as ESME against Tocsin's SMPP simulator.

Binds as transceiver, submits N single-part messages and M long UCS-2 messages (split by
smpplib itself into UDH segments), asks for receipts, and waits until every submit_sm_resp and
every delivery receipt has arrived. Prints one summary line and exits non-zero on any mismatch.
"""
import argparse
import sys
import time

import smpplib.client
import smpplib.consts
import smpplib.gsm

p = argparse.ArgumentParser()
p.add_argument("--host", default="127.0.0.1")
p.add_argument("--port", type=int, required=True)
p.add_argument("--system-id", default="tocsin")
p.add_argument("--password", default="s3cret79")
p.add_argument("--single", type=int, default=200)
p.add_argument("--long", type=int, default=20)
p.add_argument("--timeout", type=float, default=60)
a = p.parse_args()

responses = {"ok": 0, "error": 0}
message_ids = set()
receipts = {}


def on_sent(pdu):
    if pdu.status == 0:
        responses["ok"] += 1
        message_ids.add(pdu.message_id.decode() if isinstance(pdu.message_id, bytes) else pdu.message_id)
    else:
        responses["error"] += 1


def on_message(pdu):
    if pdu.esm_class & 0x04:  # delivery receipt
        text = pdu.short_message.decode(errors="replace") if pdu.short_message else ""
        rid = pdu.receipted_message_id
        if rid is None and text.startswith("id:"):
            rid = text.split()[0][3:]
        rid = rid.decode() if isinstance(rid, bytes) else rid
        stat = text.split("stat:")[1].split()[0] if "stat:" in text else "?"
        receipts[rid] = stat
    return 0


client = smpplib.client.Client(a.host, a.port, timeout=5, allow_unknown_opt_params=True)
client.set_message_sent_handler(on_sent)
client.set_message_received_handler(on_message)
client.connect()
client.bind_transceiver(system_id=a.system_id, password=a.password)

sent_pdus = 0
start = time.time()
for i in range(a.single):
    client.send_message(
        source_addr_ton=smpplib.consts.SMPP_TON_INTL, source_addr="12379",
        dest_addr_ton=smpplib.consts.SMPP_TON_INTL, destination_addr="86138%08d" % i,
        short_message=b"Emergency alert test message 0123456789", registered_delivery=1)
    sent_pdus += 1
    client.read_once() if i % 10 == 9 else None
long_text = "【北京市预警信息发布中心】北京市气象台发布暴雨红色预警信号：预计未来3小时内朝阳区、海淀区将出现100毫米以上降水，请立即停止户外活动，远离河道和低洼地带。" * 2
for i in range(a.long):
    parts, coding, esm_class = smpplib.gsm.make_parts(long_text)
    for part in parts:
        client.send_message(
            source_addr_ton=smpplib.consts.SMPP_TON_INTL, source_addr="12379",
            dest_addr_ton=smpplib.consts.SMPP_TON_INTL, destination_addr="86139%08d" % i,
            short_message=part, data_coding=coding, esm_class=esm_class, registered_delivery=1)
        sent_pdus += 1
segments_per_long = len(smpplib.gsm.make_parts(long_text)[0])

deadline = time.time() + a.timeout
while (responses["ok"] + responses["error"] < sent_pdus or len(receipts) < len(message_ids)) and time.time() < deadline:
    client.read_once()
elapsed = time.time() - start
client.unbind()
client.disconnect()

ok = responses["ok"] == sent_pdus and set(receipts) == message_ids and all(s == "DELIVRD" for s in receipts.values())
print(f"smpplib {smpplib.__version__ if hasattr(smpplib, '__version__') else ''} sent={sent_pdus} pdus "
      f"(single={a.single}, long={a.long} x {segments_per_long} segments) resp_ok={responses['ok']} resp_err={responses['error']} "
      f"unique_ids={len(message_ids)} receipts={len(receipts)} elapsed={elapsed:.2f}s -> {'PASS' if ok else 'FAIL'}")
sys.exit(0 if ok else 1)
