// The incidents part of the out-of-hours contract (see contract.ts).
export {};
