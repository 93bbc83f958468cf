"""HTTP/2 limits probe (python3-h2, prior-knowledge h2c on loopback).

usage: h2probe.py PORT settings|streams N|frame SIZE
Prints one 'key=value' line per observation; bounded by a 5 s socket timeout.
"""
import socket
import sys

import h2.config
import h2.connection
import h2.events
import h2.settings

port = int(sys.argv[1])
mode = sys.argv[2]
sock = socket.create_connection(("127.0.0.1", port), timeout=5)
conn = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True, header_encoding="utf-8"))
conn.initiate_connection()
sock.sendall(conn.data_to_send())
headers = [(":method", "GET"), (":scheme", "http"), (":authority", "127.0.0.1"), (":path", "/hold")]
out = []
if mode == "streams":
    n = int(sys.argv[3])
    # wait for the server's SETTINGS, then open n streams at once (ignoring its limit)
    conn.update_settings({})
    while not any(o.startswith("settings=") for o in out):
        for event in conn.receive_data(sock.recv(65535)):
            if isinstance(event, h2.events.RemoteSettingsChanged):
                out.append("settings=1")
    conn.remote_settings._settings[h2.settings.SettingCodes.MAX_CONCURRENT_STREAMS] = [1000]
    for i in range(n):
        conn.send_headers(1 + 2 * i, headers, end_stream=True)
    sock.sendall(conn.data_to_send())
elif mode == "frame":
    size = int(sys.argv[3])
    conn.send_headers(1, [(":method", "POST"), (":scheme", "http"), (":authority", "127.0.0.1"), (":path", "/echo")])
    sock.sendall(conn.data_to_send())
    # a DATA frame of SIZE bytes, written by hand (h2 refuses to exceed the peer's limit)
    # over the limit only the frame header goes out: the server refuses it from the header alone
    payload = b"x" * size if size <= 16384 else b""
    frame = size.to_bytes(3, "big") + b"\x00\x01" + (1).to_bytes(4, "big") + payload
    sock.sendall(frame)
done = False
try:
    while not done:
        data = sock.recv(65535)
        if not data:
            break
        for event in conn.receive_data(data):
            if isinstance(event, h2.events.RemoteSettingsChanged):
                for code, change in event.changed_settings.items():
                    out.append("setting.%s=%d" % (h2.settings.SettingCodes(code).name, change.new_value))
            elif isinstance(event, h2.events.WindowUpdated) and event.stream_id == 0:
                window_updates = [o for o in out if o.startswith("connection_window_update=")]
                total = event.delta + (int(window_updates[-1].split("=")[1]) if window_updates else 0)
                out.append("connection_window_update=%d" % total)
            elif isinstance(event, h2.events.StreamReset):
                out.append("reset.%d=%s" % (event.stream_id, event.error_code.name))
            elif isinstance(event, h2.events.ResponseReceived):
                out.append("response.%d=%s" % (event.stream_id, dict(event.headers)[":status"]))
            elif isinstance(event, h2.events.StreamEnded):
                out.append("ended.%d" % event.stream_id)
            elif isinstance(event, h2.events.ConnectionTerminated):
                out.append("goaway=%s" % event.error_code.name)
                done = True
        try:
            sock.sendall(conn.data_to_send())
        except OSError:
            done = True
        if mode == "settings" and any(o.startswith("setting.") for o in out):
            sock.settimeout(0.5)
        if mode == "streams":
            finished = [o for o in out if o.startswith("ended.") or o.startswith("reset.")]
            if len(finished) >= int(sys.argv[3]):
                done = True
except ConnectionResetError:
    out.append("reset")
except socket.timeout:
    if mode != "settings":
        out.append("timeout")
except h2.exceptions.ProtocolError as ex:
    out.append("protocol_error=%s" % ex)
print("\n".join(out))
