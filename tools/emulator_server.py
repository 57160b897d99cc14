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
   SIGUSR1 the server stops taking requests, lets those in flight finish, writes the state of the
   services Tessera uses to STATE_FILE and exits; started with --restore STATE_FILE, it begins from
   that state (`scripts/emulator restart`). Every write acknowledged is kept; requests that arrive
   meanwhile are cut off, as in an outage.
4. moto has no SQS message move tasks (StartMessageMoveTask, ListMessageMoveTasks and
   CancelMessageMoveTask answer 500), the API `scripts/redrive` uses in AWS. They are implemented
   here after the SQS API reference: a task moves the messages its dead-letter queue holds when it
   starts, to DestinationArn or, without one, back to the queue each message came from, at most
   MaxNumberOfMessagesPerSecond (1 to 500) when given; one active task per queue; statuses
   RUNNING, CANCELLING, CANCELLED, COMPLETED and FAILED (with a FailureReason).
5. moto's Cognito does not check sign-up confirmation codes (any code confirms), has no
   ResendConfirmationCode, and checks a forgotten-password code only when it starts with its own
   prefix (any other code resets the password), once and forever. Here, as in AWS, SignUp and
   ResendConfirmationCode issue a 6-digit code valid for 24 hours, ForgotPassword one valid for an
   hour; a code works once, a wrong one is CodeMismatchException, a used or expired one
   ExpiredCodeException, and a reset password must meet the pool's policy. Nothing sends mail, so
   the code also travels in a response header (x-moto-sign-up-confirmation-code, and moto's own
   x-moto-forgot-password-confirmation-code) for the local API to hand on. TOTP codes are moto's
   own: checked against its fixed secret when MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP is true.
   RevokeToken, which moto lacks, revokes a refresh token of the client as in AWS.
6. moto's Cognito identity pools take any login: GetId hands out a new identity on every call,
   GetCredentialsForIdentity answers for anything, and principal tags and roles cannot be set (500).
   Here SetPrincipalTagAttributeMap, GetPrincipalTagAttributeMap, SetIdentityPoolRoles and
   GetIdentityPoolRoles keep their settings, and GetId and GetCredentialsForIdentity require, as in
   AWS, a login of one of the pool's user pool providers: an ID token that user pool signed for the
   provider's client, unexpired. A user keeps one identity; the role mapping rules decide (no rule
   matching, with AmbiguousRoleResolution Deny, is NotAuthorizedException). The credentials stay
   moto's fixed ones: IAM is not evaluated locally.

Usage: emulator_server.py HOST PORT [--restore STATE_FILE] [--state-file STATE_FILE]
"""
import argparse
import base64
import copy
import json
import os
import pickle
import random
import signal
import threading
import time
import uuid

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from joserfc import jwt
from moto.backends import get_backend
from moto.cognitoidentity.responses import CognitoIdentityResponse
from moto.core.exceptions import JsonRESTError
from moto.cognitoidp.exceptions import CodeMismatchException, ExpiredCodeException, NotAuthorizedError
from moto.cognitoidp.models import CognitoIdpBackend, UserStatus
from moto.cognitoidp.responses import CognitoIdpResponse
from moto.core.responses import ActionResult
import moto.dynamodb.models as dynamodb_models
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.table import Table
from moto.sqs.exceptions import InvalidParameterValue, SQSException
from moto.sqs.models import Queue, sqs_backends
from moto.sqs.responses import SQSResponse
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import run_simple

DYNAMODB_TARGETS = ("DynamoDB_", "DynamoDBStreams_")
_dynamodb_lock = threading.Lock()
_moto_transact_write_items = DynamoDBBackend.transact_write_items


_requests = threading.Condition()
_in_flight = 0
_saving = False


class SerializedDynamoDb:
    """Runs DynamoDB requests one at a time (1. above) and keeps count of every request in flight (3.)."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        global _in_flight
        with _requests:
            # A request that arrives while the state is being saved never gets an answer: the process
            # exits under it, as in an outage.
            _requests.wait_for(lambda: not _saving)
            _in_flight += 1
        try:
            target = environ.get("HTTP_X_AMZ_TARGET", "")
            if target.startswith(DYNAMODB_TARGETS):
                with _dynamodb_lock:
                    # Consume the whole response inside the lock: the backend work may be lazy.
                    return list(self.app(environ, start_response))
            return list(self.app(environ, start_response))
        finally:
            with _requests:
                _in_flight -= 1
                _requests.notify_all()


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


# ---- SQS message move tasks (see 4. above) ----

_moto_add_message = Queue.add_message


def add_message_remembering_its_origin(self, message):
    """A message remembers the queue it was first sent to: where a move task without a destination returns it."""
    if getattr(message, "origin_queue_arn", None) is None:
        message.origin_queue_arn = self.queue_arn
    _moto_add_message(self, message)


Queue.add_message = add_message_remembering_its_origin

MAX_MESSAGES_PER_SECOND = 500
_move_tasks_lock = threading.Lock()
_move_tasks = {}  # source queue ARN -> its tasks, oldest first


class MessageMoveTask:
    def __init__(self, source_arn, destination_arn, max_per_second, to_move):
        self.task_id = str(uuid.uuid4())
        # Like AWS's handles: an opaque base64 token naming the task and its source queue.
        self.handle = base64.b64encode(json.dumps({"taskId": self.task_id, "sourceArn": source_arn}).encode()).decode()
        self.source_arn = source_arn
        self.destination_arn = destination_arn
        self.max_per_second = max_per_second
        self.status = "RUNNING"
        self.moved = 0
        self.to_move = to_move
        self.failure_reason = None
        self.started = int(time.time() * 1000)

    def entry(self):
        """A ListMessageMoveTasksResultEntry: the handle only while RUNNING, optional fields only when set."""
        entry = {"Status": self.status, "SourceArn": self.source_arn, "ApproximateNumberOfMessagesMoved": self.moved,
                 "ApproximateNumberOfMessagesToMove": self.to_move, "StartedTimestamp": self.started}
        if self.status == "RUNNING":
            entry["TaskHandle"] = self.handle
        if self.destination_arn:
            entry["DestinationArn"] = self.destination_arn
        if self.max_per_second is not None:
            entry["MaxNumberOfMessagesPerSecond"] = self.max_per_second
        if self.failure_reason:
            entry["FailureReason"] = self.failure_reason
        return entry


def _queue_of(arn):
    parts = (arn or "").split(":")
    if len(parts) != 6 or parts[2] != "sqs":
        return None
    region, account, name = parts[3], parts[4], parts[5]
    try:
        return sqs_backends[account][region].queues.get(name)
    except KeyError:
        return None


def _move(task, source):
    """Moves the messages that were visible in the source when the task started, one by one."""
    waiting = [message for message in source.messages]
    for message in waiting:
        if task.status != "RUNNING":
            break
        destination = _queue_of(task.destination_arn) if task.destination_arn else _queue_of(getattr(message, "origin_queue_arn", None))
        if destination is None or destination is source:
            task.status = "FAILED"
            task.failure_reason = (f"The destination queue {task.destination_arn} does not exist." if task.destination_arn else
                                   f"Message {message.id} was not moved to {source.name} by a redrive policy, so it has no source queue to return to.")
            return
        if message not in source._messages or not message.visible:
            continue  # deleted or received meanwhile
        source._messages.remove(message)
        backend = sqs_backends[destination.account_id][destination.region]
        backend.send_message(destination.name, message.body, message_attributes=message.message_attributes or None,
                             group_id=message.group_id, deduplication_id=message.deduplication_id)
        task.moved += 1
        if task.max_per_second:
            time.sleep(1.0 / task.max_per_second)
    task.status = "CANCELLED" if task.status == "CANCELLING" else "COMPLETED"


def start_message_move_task(self):
    source_arn = self._get_param("SourceArn")
    destination_arn = self._get_param("DestinationArn")
    max_per_second = self._get_param("MaxNumberOfMessagesPerSecond")
    source = _queue_of(source_arn)
    if source is None:
        raise SQSException("ResourceNotFoundException", f"The resource that you specified for the SourceArn parameter doesn't exist: {source_arn}")
    if destination_arn and _queue_of(destination_arn) is None:
        raise SQSException("ResourceNotFoundException", f"The resource that you specified for the DestinationArn parameter doesn't exist: {destination_arn}")
    if max_per_second is not None and not 1 <= int(max_per_second) <= MAX_MESSAGES_PER_SECOND:
        raise InvalidParameterValue(f"Value {max_per_second} for parameter MaxNumberOfMessagesPerSecond is invalid. "
                                    f"Reason: it must be between 1 and {MAX_MESSAGES_PER_SECOND}.")
    backend = sqs_backends[source.account_id][source.region]
    if not backend.list_dead_letter_source_queues(source.name):
        raise SQSException("UnsupportedOperation", f"Source queue {source_arn} is not a dead-letter queue of any queue (no RedrivePolicy names it).")
    with _move_tasks_lock:
        tasks = _move_tasks.setdefault(source_arn, [])
        if any(task.status in ("RUNNING", "CANCELLING") for task in tasks):
            raise SQSException("UnsupportedOperation", f"There is already an active message movement task for {source_arn}.")
        task = MessageMoveTask(source_arn, destination_arn, None if max_per_second is None else int(max_per_second), len(source.messages))
        tasks.append(task)
    threading.Thread(target=_move, args=(task, source), daemon=True, name="message-move-" + task.task_id).start()
    return ActionResult({"TaskHandle": task.handle})


def list_message_move_tasks(self):
    source_arn = self._get_param("SourceArn")
    max_results = self._get_param("MaxResults")
    if _queue_of(source_arn) is None:
        raise SQSException("ResourceNotFoundException", f"The resource that you specified for the SourceArn parameter doesn't exist: {source_arn}")
    limit = 1 if max_results is None else int(max_results)
    if not 1 <= limit <= 10:
        raise InvalidParameterValue(f"Value {max_results} for parameter MaxResults is invalid. Reason: it must be between 1 and 10.")
    with _move_tasks_lock:
        newest_first = list(reversed(_move_tasks.get(source_arn, [])))[:limit]
        return ActionResult({"Results": [task.entry() for task in newest_first]})


def cancel_message_move_task(self):
    handle = self._get_param("TaskHandle")
    with _move_tasks_lock:
        task = next((task for tasks in _move_tasks.values() for task in tasks if task.handle == handle), None)
        if task is None:
            raise SQSException("ResourceNotFoundException", f"Task handle {handle} does not exist.")
        if task.status != "RUNNING":
            raise SQSException("UnsupportedOperation", f"Only a RUNNING task can be cancelled; this one is {task.status}.")
        task.status = "CANCELLING"
        return ActionResult({"ApproximateNumberOfMessagesMoved": task.moved})


SQSResponse.start_message_move_task = start_message_move_task
SQSResponse.list_message_move_tasks = list_message_move_tasks
SQSResponse.cancel_message_move_task = cancel_message_move_task


SIGN_UP_CODE_VALIDITY = 24 * 3600
FORGOT_PASSWORD_CODE_VALIDITY = 3600
_moto_sign_up = CognitoIdpBackend.sign_up
_moto_forgot_password = CognitoIdpBackend.forgot_password
_moto_sign_up_response = CognitoIdpResponse.sign_up


def _new_code(user, purpose, validity):
    code = f"{random.randint(0, 999_999):06d}"
    user.tessera_codes = {**getattr(user, "tessera_codes", {}), purpose: (code, time.time() + validity)}
    return code


def _use_code(user, purpose, code):
    """Raises as Cognito does unless code is the user's live code for purpose, which it then uses up."""
    issued = getattr(user, "tessera_codes", {}).get(purpose)
    if issued is None or issued[1] < time.time():
        raise ExpiredCodeException("Invalid code provided, please request a code again.")
    if code != issued[0]:
        raise CodeMismatchException("Invalid verification code provided, please try again.")
    del user.tessera_codes[purpose]


def _user_of_client(backend, client_id, username):
    pool = next((pool for pool in backend.user_pools.values() if client_id in pool.clients), None)
    return None if pool is None else pool._get_user(username)


def sign_up_with_code(self, client_id, username, password, attributes):
    user, details = _moto_sign_up(self, client_id, username, password, attributes)
    _new_code(user, "sign-up", SIGN_UP_CODE_VALIDITY)
    return user, details


def confirm_sign_up_with_code(self, client_id, username, confirmation_code):
    user = _user_of_client(self, client_id, username)
    if user is None:
        raise CodeMismatchException("Invalid verification code provided, please try again.")
    if user.status is not UserStatus.UNCONFIRMED:
        raise NotAuthorizedError("User cannot be confirmed. Current status is " + user.status.value)
    _use_code(user, "sign-up", confirmation_code)
    user.status = UserStatus.CONFIRMED


def forgot_password_with_code(self, client_id, username):
    code, details = _moto_forgot_password(self, client_id, username)
    user = _user_of_client(self, client_id, username)
    return (None if user is None else _new_code(user, "forgot-password", FORGOT_PASSWORD_CODE_VALIDITY)), details


def confirm_forgot_password_with_code(self, client_id, username, password, confirmation_code):
    user = _user_of_client(self, client_id, username)
    if user is None:
        raise CodeMismatchException("Invalid verification code provided, please try again.")
    _use_code(user, "forgot-password", confirmation_code)
    self._validate_password(user.user_pool_id, password)
    user.password = password


def _backend_of_client(response):
    return response._get_region_agnostic_backend()._find_backend_for_clientid(response._get_param("ClientId"))


def sign_up_response(self):
    result = _moto_sign_up_response(self)
    user = _user_of_client(_backend_of_client(self), self._get_param("ClientId"), self._get_param("Username"))
    self.response_headers["x-moto-sign-up-confirmation-code"] = user.tessera_codes["sign-up"][0]
    return result


def confirm_sign_up_response(self):
    _backend_of_client(self).confirm_sign_up(
        self._get_param("ClientId"), self._get_param("Username"), self._get_param("ConfirmationCode"))
    return ActionResult({})


def resend_confirmation_code(self):
    """AWS answers alike for unknown users when the client prevents user existence errors, as Tessera's does."""
    user = _user_of_client(_backend_of_client(self), self._get_param("ClientId"), self._get_param("Username"))
    if user is not None and user.status is UserStatus.UNCONFIRMED:
        self.response_headers["x-moto-sign-up-confirmation-code"] = _new_code(user, "sign-up", SIGN_UP_CODE_VALIDITY)
    return ActionResult({"CodeDeliveryDetails": {"Destination": "e***@***", "DeliveryMedium": "EMAIL", "AttributeName": "email"}})


def forgot_password_response(self):
    """moto's, except that no code header goes out when there is no account (moto sends the text None)."""
    code, details = _backend_of_client(self).forgot_password(self._get_param("ClientId"), self._get_param("Username"))
    if code is not None:
        self.response_headers["x-moto-forgot-password-confirmation-code"] = code
    return ActionResult(details)


def revoke_token(self):
    client_id = self._get_param("ClientId")
    for pool in _backend_of_client(self).user_pools.values():
        if client_id in pool.clients:
            pool.refresh_tokens.pop(self._get_param("Token"), None)
    return ActionResult({})


CognitoIdpBackend.sign_up = sign_up_with_code
CognitoIdpBackend.confirm_sign_up = confirm_sign_up_with_code
CognitoIdpBackend.forgot_password = forgot_password_with_code
CognitoIdpBackend.confirm_forgot_password = confirm_forgot_password_with_code
CognitoIdpResponse.sign_up = sign_up_response
CognitoIdpResponse.confirm_sign_up = confirm_sign_up_response
CognitoIdpResponse.resend_confirmation_code = resend_confirmation_code
CognitoIdpResponse.revoke_token = revoke_token
CognitoIdpResponse.forgot_password = forgot_password_response


# ---- Cognito identity pools (see 6. above) ----

def _identity_pool_response(self, body):
    self.response_headers["content-type"] = "application/x-amz-json-1.1"
    return json.dumps(body)


def _identity_pool(response, pool_id):
    pool = response.backend.identity_pools.get(pool_id)
    if pool is None:
        raise CognitoIdentityNotFound(pool_id)
    return pool


def set_principal_tag_attribute_map(self):
    pool = _identity_pool(self, self._get_param("IdentityPoolId"))
    provider = self._get_param("IdentityProviderName")
    tags = {"UseDefaults": bool(self._get_param("UseDefaults")), "PrincipalTags": self._get_param("PrincipalTags") or {}}
    pool.tessera_principal_tags = {**getattr(pool, "tessera_principal_tags", {}), provider: tags}
    return _identity_pool_response(self, {"IdentityPoolId": pool.identity_pool_id, "IdentityProviderName": provider, **tags})


def get_principal_tag_attribute_map(self):
    pool = _identity_pool(self, self._get_param("IdentityPoolId"))
    provider = self._get_param("IdentityProviderName")
    tags = getattr(pool, "tessera_principal_tags", {}).get(provider, {"UseDefaults": True, "PrincipalTags": {}})
    return _identity_pool_response(self, {"IdentityPoolId": pool.identity_pool_id, "IdentityProviderName": provider, **tags})


def set_identity_pool_roles(self):
    pool = _identity_pool(self, self._get_param("IdentityPoolId"))
    pool.tessera_roles = {"Roles": self._get_param("Roles") or {}, "RoleMappings": self._get_param("RoleMappings") or {}}
    return _identity_pool_response(self, {})


def get_identity_pool_roles(self):
    pool = _identity_pool(self, self._get_param("IdentityPoolId"))
    return _identity_pool_response(self, {"IdentityPoolId": pool.identity_pool_id,
                                          **getattr(pool, "tessera_roles", {"Roles": {}, "RoleMappings": {}})})


def _verified_login(response, pool, logins):
    """The claims of the one login that a provider of the pool accepts, else NotAuthorizedException."""
    for provider in pool.cognito_identity_providers or []:
        token = (logins or {}).get(provider["ProviderName"])
        if token is None:
            continue
        user_pool_id = provider["ProviderName"].split("/")[-1]
        user_pool = get_backend("cognito-idp")[response.current_account][user_pool_id.split("_")[0]].user_pools.get(user_pool_id)
        try:
            claims = jwt.decode(token, user_pool.json_web_key).claims
        except Exception:
            raise CognitoIdentityNotAuthorized("Invalid login token.")
        if claims.get("token_use") != "id" or claims.get("aud") != provider["ClientId"] or claims.get("exp", 0) < time.time():
            raise CognitoIdentityNotAuthorized("Invalid login token. Token expired or not issued for this client.")
        return provider, claims
    raise CognitoIdentityNotAuthorized("Unauthenticated access is not supported for this identity pool.")


def _role_of(pool, provider, claims):
    mapping = getattr(pool, "tessera_roles", {}).get("RoleMappings", {}).get(provider["ProviderName"] + ":" + provider["ClientId"])
    if mapping is None or mapping.get("Type") != "Rules":
        return getattr(pool, "tessera_roles", {}).get("Roles", {}).get("authenticated")
    for rule in mapping["RulesConfiguration"]["Rules"]:
        value = claims.get(rule["Claim"])
        values = value if isinstance(value, list) else [] if value is None else [str(value)]
        match = rule["MatchType"]
        if (match == "Equals" and rule["Value"] in values and len(values) == 1 or match == "Contains" and rule["Value"] in values
                or match == "StartsWith" and any(v.startswith(rule["Value"]) for v in values)
                or match == "NotEqual" and rule["Value"] not in values):
            return rule["RoleARN"]
    if mapping.get("AmbiguousRoleResolution") == "AuthenticatedRole":
        return getattr(pool, "tessera_roles", {}).get("Roles", {}).get("authenticated")
    raise CognitoIdentityNotAuthorized("Unable to determine a role: no role mapping rule matches and ambiguous roles are denied.")


def get_id(self):
    pool = _identity_pool(self, self._get_param("IdentityPoolId"))
    _, claims = _verified_login(self, pool, self._get_param("Logins"))
    if not hasattr(pool, "tessera_identities"):
        pool.tessera_identities = {}
    identities = pool.tessera_identities
    identity_id = identities.setdefault(claims["sub"], pool.identity_pool_id.split(":")[0] + ":" + str(uuid.uuid4()))
    return _identity_pool_response(self, {"IdentityId": identity_id})


def get_credentials_for_identity(self):
    identity_id = self._get_param("IdentityId")
    pool = next((pool for pool in self.backend.identity_pools.values()
                 if identity_id in getattr(pool, "tessera_identities", {}).values()), None)
    if pool is None:
        raise CognitoIdentityNotFound(identity_id)
    provider, claims = _verified_login(self, pool, self._get_param("Logins"))
    if pool.tessera_identities.get(claims["sub"]) != identity_id:
        raise CognitoIdentityNotAuthorized("The login does not belong to this identity.")
    _role_of(pool, provider, claims)
    return self.backend.get_credentials_for_identity(identity_id)


class CognitoIdentityNotAuthorized(JsonRESTError):
    def __init__(self, message):
        super().__init__("NotAuthorizedException", message)


class CognitoIdentityNotFound(JsonRESTError):
    def __init__(self, resource):
        super().__init__("ResourceNotFoundException", f"{resource} not found.")


CognitoIdentityResponse.set_principal_tag_attribute_map = set_principal_tag_attribute_map
CognitoIdentityResponse.get_principal_tag_attribute_map = get_principal_tag_attribute_map
CognitoIdentityResponse.set_identity_pool_roles = set_identity_pool_roles
CognitoIdentityResponse.get_identity_pool_roles = get_identity_pool_roles
CognitoIdentityResponse.get_id = get_id
CognitoIdentityResponse.get_credentials_for_identity = get_credentials_for_identity


SNAPSHOT_SERVICES = ("dynamodb", "dynamodbstreams", "sqs", "sns", "s3", "cognito-idp", "cognito-identity", "events", "secretsmanager")
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
    """Saves once the requests in flight are answered (an SQS long poll may keep one waiting: not past
    two seconds), so that no write is acknowledged without being saved, e.g. an event put on a bus
    whose target queue was saved before the event arrived."""
    global _saving
    with _requests:
        _saving = True
        _requests.wait_for(lambda: _in_flight == 0, timeout=2)
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
