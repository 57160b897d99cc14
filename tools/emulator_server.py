"""moto in server mode, patched where its DynamoDB differs from AWS in ways Tessera relies on.

1. Requests are not thread-safe: two concurrent conditional writes (or transactions) on the same
   item can both see the old value and both succeed, which real DynamoDB never allows. Every
   DynamoDB and DynamoDB Streams request is therefore run under one lock (other services, SQS long
   polls among them, stay concurrent).
2. A TransactWriteItems deep-copies a table once per item that names it (to restore it on failure),
   so a transaction of 100 items costs 100 copies of its table; here each table is copied once. A
   failed TransactWriteItems also leaves stream records behind: moto applies the writes one by one
   (each adds a stream record), then restores a copy of the table, so the stream shows writes that
   never happened and later records reuse their sequence numbers. Here the stream is detached while
   the transaction runs and its records are added only once it succeeded, as in AWS.
3. moto keeps everything in memory, so a restarted emulator would be empty, which AWS never is. On
   SIGUSR1 the server writes the state of the services Tessera uses to STATE_FILE and exits;
   started with --restore STATE_FILE, it begins from that state (`scripts/emulator restart`).
   Writes acknowledged before the signal are kept; requests in flight are cut off, as in an outage.

Usage: emulator_server.py HOST PORT [--restore STATE_FILE] [--state-file STATE_FILE]
"""
import argparse
import copy
import os
import pickle
import signal
import threading

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from moto.backends import get_backend
import moto.dynamodb.models as dynamodb_models
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.table import Table
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import run_simple

DYNAMODB_TARGETS = ("DynamoDB_", "DynamoDBStreams_")
_dynamodb_lock = threading.Lock()
_moto_transact_write_items = DynamoDBBackend.transact_write_items


class SerializedDynamoDb:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        if target.startswith(DYNAMODB_TARGETS):
            with _dynamodb_lock:
                # Consume the whole response inside the lock: the backend work may be lazy.
                return list(self.app(environ, start_response))
        return self.app(environ, start_response)


def _written_keys(backend, transact_items):
    """(table name, key) of every Put, Update and Delete of a transaction, in order."""
    keys = []
    for item in transact_items:
        op_type, op = next(iter(item.items()))
        table = backend.tables.get(op.get("TableName"))
        if op_type not in ("Put", "Update", "Delete") or table is None:
            continue
        if op_type == "Put":
            key = {table.hash_key_attr: op["Item"].get(table.hash_key_attr)}
            if table.range_key_attr is not None:
                key[table.range_key_attr] = op["Item"].get(table.range_key_attr)
        else:
            key = op.get("Key")
        keys.append((op["TableName"], key))
    return keys


def _named_tables(transact_items):
    return {op.get("TableName") for item in transact_items for op in item.values()}


class _TablesNotCopied:
    """Stands in for the copy module inside moto's transaction code: tables are backed up by the caller."""

    @staticmethod
    def deepcopy(value, memo=None):
        return value if isinstance(value, Table) else copy.deepcopy(value, memo)


def _current(backend, table_name, key):
    try:
        found = backend.get_item(table_name, key)
    except Exception:  # an invalid key: the transaction itself will say so
        return None
    return copy.deepcopy(found) if found else None


def transact_write_items_with_stream_records_on_success(self, transact_items):
    shards = {name: table.stream_shard for name, table in self.tables.items() if table.stream_shard is not None}
    writes = [(name, key) for name, key in _written_keys(self, transact_items) if name in shards]
    before = [_current(self, name, key) for name, key in writes]
    for name in shards:
        self.tables[name].stream_shard = None
    # moto backs a table up once per item of the transaction that names it (a deep copy each time);
    # here each named table is copied once, and moto's own copies are the live tables themselves.
    backup = {name: copy.deepcopy(self.tables[name]) for name in _named_tables(transact_items) if name in self.tables}
    dynamodb_models.copy = _TablesNotCopied
    try:
        _moto_transact_write_items(self, transact_items)
    except Exception:
        self.tables.update(backup)
        raise
    finally:
        dynamodb_models.copy = copy
        # Give the tables (live, or restored from the backup) the live stream again.
        for name, shard in shards.items():
            self.tables[name].stream_shard = shard
    for (name, key), old in zip(writes, before):
        shards[name].add(old, _current(self, name, key))


DynamoDBBackend.transact_write_items = transact_write_items_with_stream_records_on_success


SNAPSHOT_SERVICES = ("dynamodb", "dynamodbstreams", "sqs", "s3", "cognito-idp", "events", "secretsmanager")
_LOCK_TYPES = (type(threading.Lock()), type(threading.RLock()))


def _private_key(pem):
    return serialization.load_pem_private_key(pem, password=None)


class _StatePickler(pickle.Pickler):
    """Pickles moto's backends; locks become fresh locks, RSA keys travel as PEM."""

    def reducer_override(self, obj):
        if isinstance(obj, _LOCK_TYPES):
            return (threading.RLock if "RLock" in type(obj).__name__ else threading.Lock), ()
        if isinstance(obj, rsa.RSAPrivateKey):
            return _private_key, (obj.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                    serialization.NoEncryption()),)
        return NotImplemented


def save_state_and_exit(path):
    with _dynamodb_lock:
        with open(path + ".tmp", "wb") as out:
            _StatePickler(out).dump({name: dict(get_backend(name)) for name in SNAPSHOT_SERVICES})
        os.replace(path + ".tmp", path)
    os._exit(0)


def restore_state(path):
    with open(path, "rb") as state:
        for name, accounts in pickle.load(state).items():
            backends = get_backend(name)
            backends.clear()
            backends.update(accounts)


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("host")
    arguments.add_argument("port", type=int)
    arguments.add_argument("--restore", help="start from the state a previous server saved")
    arguments.add_argument("--state-file", help="where SIGUSR1 saves the state before the server exits")
    options = arguments.parse_args()
    if options.restore:
        restore_state(options.restore)
    if options.state_file:
        # The handler runs on the main thread, between requests that other threads are serving.
        signal.signal(signal.SIGUSR1, lambda *_: save_state_and_exit(options.state_file))
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(options.host, options.port, SerializedDynamoDb(app), threaded=True, request_handler=MotoRequestHandler)


if __name__ == "__main__":
    main()
