// Transactions as a person meets them: the fee and the deposit before signing, the progress after
// (in a block, finalized), and on failure the pallet error's own documentation from the metadata.
import { CID } from 'multiformats/cid';

/** The fee `tx` would cost `address`, in planck. */
export async function feeOf(tx, address) {
  const info = await tx.paymentInfo(address);
  return info.partialFee.toBigInt();
}

/**
 * What `tx` holds from the signer's balance (returned when the item goes), in planck, or
 * `null` when it holds nothing.
 * @param {import('@polkadot/api').ApiPromise} api
 */
export function depositOf(api, tx) {
  const { section, method } = tx.method;
  const consts = api.consts;
  switch (`${section}.${method}`) {
    case 'posts.createPost':
    case 'posts.postInCommunity':
      return consts.posts.postDeposit.toBigInt();
    case 'profiles.mute':
      return consts.profiles.muteDeposit.toBigInt();
    case 'profiles.block':
      return consts.profiles.blockDeposit.toBigInt();
    case 'communities.createCommunity':
      return consts.communities.communityDeposit.toBigInt();
    case 'communities.join':
      return consts.communities.membershipDeposit.toBigInt();
    case 'communities.hidePost':
    case 'communities.ban':
      return consts.communities.moderationDeposit.toBigInt();
    case 'votes.vote':
      return consts.votes.voteDeposit.toBigInt();
    case 'profiles.follow':
      return consts.profiles.followDeposit.toBigInt();
    case 'profiles.setProfile': {
      const [handle, displayName, metadata] = tx.method.args;
      const metadataBytes = metadata.isSome ? CID.parse(metadata.unwrap().toUtf8()).bytes.length : 0;
      // The handle is stored twice: in the profile and as its owner index key.
      const bytes = 2 * handle.length + displayName.length + metadataBytes;
      return consts.profiles.profileDepositBase.toBigInt() + consts.profiles.profileDepositPerByte.toBigInt() * BigInt(bytes);
    }
    default:
      return null;
  }
}

/** The text of a failed dispatch: the pallet error's docs, never a raw index. */
export function errorText(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule);
    const text = docs.join(' ').trim();
    return `${text || name} (${section}.${name})`;
  }
  if (dispatchError.isToken) {
    const token = dispatchError.asToken.type;
    const plain = {
      FundsUnavailable: 'Your free balance is too low for this.',
      OnlyProvider: 'This would leave your account unable to exist.',
      BelowMinimum: 'The amount is below the minimum an account can hold.',
      CannotCreate: 'The receiving account cannot be created.',
      Frozen: 'The funds are frozen.',
    }[token];
    return `${plain ?? token} (token error ${token})`;
  }
  if (dispatchError.isArithmetic) return `Arithmetic error: ${dispatchError.asArithmetic.type}`;
  if (dispatchError.isBadOrigin) return 'This account may not do that.';
  return dispatchError.toString();
}

/**
 * Signs and submits `tx` with `account`; `onProgress(text)` hears each step. Resolves with the
 * events once finalized; rejects with an Error whose message is the pallet's own text.
 */
export async function submit(api, tx, account, onProgress = () => {}) {
  const [signer, options] = await account.signWith();
  onProgress('Waiting for your signature…');
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    const fail = (error) => {
      unsubscribe();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    tx.signAndSend(signer, options, ({ status, events, dispatchError }) => {
      if (status.isReady || status.isBroadcast) onProgress('Submitted: waiting for a block…');
      if (status.isInBlock) {
        if (dispatchError) return fail(new Error(errorText(api, dispatchError)));
        onProgress(`In block #…${status.asInBlock.toHex().slice(-6)}: waiting for finality…`);
      }
      if (status.isFinalized) {
        if (dispatchError) return fail(new Error(errorText(api, dispatchError)));
        unsubscribe();
        onProgress('Finalized.');
        resolve({ events, blockHash: status.asFinalized.toHex() });
      }
      if (status.isDropped || status.isInvalid || status.isUsurped) fail(new Error(`The transaction was ${status.type.toLowerCase()}.`));
    })
      .then((stop) => {
        unsubscribe = stop;
      })
      .catch((error) => fail(new Error(error?.message?.replace(/^\d+: /, '') ?? String(error))));
  });
}
