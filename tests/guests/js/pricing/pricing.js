// JavaScript guest (componentize-js / StarlingMonkey) for world acme:shop/pricing-extension@1.0.0.
// Proves typed calls round-trip every kind of WIT value (records, enums, options, lists, variants,
// results, u8/u32/u64) between the host's JSON and a real guest.
//
// The discount rule (deterministic; tests assert it, keep tests/guests/README.md in step):
// 1. a cart with no lines           -> err("empty cart");
// 2. customer tier `gold`           -> discount percent(10);
//    else coupon exactly "FLAT5"    -> discount amount-cents(500);
//    else                           -> discount none;
// 3. skus  = the skus of the lines with quantity >= 2, in cart order;
// 4. note  = some("<customer id>: <n> line(s), <total> cents") where total is the sum of
//            quantity * unit-price-cents before discount (so it is never `none` on success).
// Every call also logs one `info` line `js pricing: <customer id> (<tier>)` through
// saas:extensibility/logging@1.0.0.
import { log } from 'saas:extensibility/logging@1.0.0';

export const pricing = {
  discount(cart) {
    const { customer, lines, coupon } = cart;
    log('info', `js pricing: ${customer.id} (${customer.tier})`);
    if (lines.length === 0) {
      throw 'empty cart';
    }
    let discount = { tag: 'none' };
    if (customer.tier === 'gold') {
      discount = { tag: 'percent', val: 10 };
    } else if (coupon === 'FLAT5') {
      discount = { tag: 'amount-cents', val: 500n };
    }
    const total = lines.reduce((sum, line) => sum + BigInt(line.quantity) * line.unitPriceCents, 0n);
    return {
      discount,
      skus: lines.filter((line) => line.quantity >= 2).map((line) => line.sku),
      note: `${customer.id}: ${lines.length} line(s), ${total} cents`,
    };
  },
};
