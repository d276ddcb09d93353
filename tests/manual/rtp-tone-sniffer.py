#!/usr/bin/env python3
"""Who hears whom on the lab Asterisk, from the wire (manual check, not CI).

Sniffs plain RTP (PCMU, payload type 0) that Asterisk (127.0.0.1, ports
21000-21999) sends to the lab's agent phones (baresip on 192.0.2.2, RTP ports
22100-22519: 1001 221xx, 1002 222xx, ...; Asterisk sends to 127.0.0.1 once it
has learned the phone's source (rtp_symmetric)) and to sipp customers (127.0.0.1,
media ports 45000-49999), decodes it and prints one JSON line per flow every
500 ms with the amplitude of each lab tone (Goertzel): customer 350 Hz, agents
440/550/660/770 Hz, the Spyglass supervisor's fake microphone 1200 Hz.
The supervisor's own leg is DTLS-SRTP and is not decoded. Needs root (raw socket).

Usage: python3 tests/manual/rtp-tone-sniffer.py > rtp.jsonl   (stop with SIGTERM)
"""
import json, math, socket, struct, sys, time

TONES = [350, 440, 550, 660, 770, 880, 1200]
RATE = 8000
WINDOW_S = 0.5


def ulaw_table():
    t = []
    for b in range(256):
        u = ~b & 0xFF
        sign = u & 0x80
        exp = (u >> 4) & 7
        mant = u & 0x0F
        s = ((mant << 3) + 0x84) << exp
        s -= 0x84
        t.append(-s if sign else s)
    return t

ULAW = ulaw_table()
COEF = {f: 2 * math.cos(2 * math.pi * f / RATE) for f in TONES}


def goertzel_amp(samples, f):
    c = COEF[f]
    s1 = s2 = 0.0
    for x in samples:
        s0 = x + c * s1 - s2
        s2, s1 = s1, s0
    power = s1 * s1 + s2 * s2 - c * s1 * s2
    # amplitude of a sine at f, in full-scale units (32768)
    return 2 * math.sqrt(max(power, 0)) / len(samples) / 32768


def flow_name(src_ip, sport, dst_ip, dport):
    if not (src_ip == '127.0.0.1' and 21000 <= sport <= 21999):
        return None
    # baresip advertises 192.0.2.2, but with rtp_symmetric Asterisk answers the
    # address the phone's packets came from (127.0.0.1)
    if dst_ip in ('192.0.2.2', '127.0.0.1') and 22100 <= dport <= 22519:
        return 'to-agent-%d' % (1001 + (dport - 22100) // 100)
    if dst_ip == '127.0.0.1' and 45000 <= dport <= 49999:
        return 'to-customer'
    return None


def main():
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.ntohs(3))
    s.settimeout(0.1)
    flows = {}
    start = time.time()
    next_flush = start + WINDOW_S
    while True:
        try:
            pkt, addr = s.recvfrom(65535)
        except socket.timeout:
            pkt = None
        now = time.time()
        if pkt is not None and addr[2] != socket.PACKET_OUTGOING and len(pkt) > 14 + 20 + 8 + 12:
            if struct.unpack('!H', pkt[12:14])[0] == 0x0800 and pkt[23] == 17:
                ihl = (pkt[14] & 0x0F) * 4
                src_ip = socket.inet_ntoa(pkt[26:30])
                dst_ip = socket.inet_ntoa(pkt[30:34])
                u = 14 + ihl
                sport, dport = struct.unpack('!HH', pkt[u:u + 4])
                name = flow_name(src_ip, sport, dst_ip, dport)
                rtp = pkt[u + 8:]
                if name and len(rtp) > 12 and (rtp[0] >> 6) == 2 and (rtp[1] & 0x7F) == 0:
                    cc = rtp[0] & 0x0F
                    payload = rtp[12 + 4 * cc:]
                    f = flows.setdefault(name, {'pkts': 0, 'samples': []})
                    f['pkts'] += 1
                    f['samples'].extend(ULAW[b] for b in payload)
        if now >= next_flush:
            for name, f in sorted(flows.items()):
                smp = f['samples']
                if not smp:
                    continue
                rms = math.sqrt(sum(x * x for x in smp) / len(smp)) / 32768
                line = {'t': round(now, 3), 'flow': name, 'pkts': f['pkts'], 'rms': round(rms, 4)}
                for tone in TONES:
                    line['hz%d' % tone] = round(goertzel_amp(smp, tone), 4)
                print(json.dumps(line), flush=True)
            flows = {}
            next_flush = now + WINDOW_S


if __name__ == '__main__':
    main()
