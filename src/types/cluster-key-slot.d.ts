// cluster-key-slot ships no types: Redis Cluster's slot (CRC16 of the key or its {hash tag}, mod 16384).
declare module 'cluster-key-slot' {
  export default function calculateSlot(key: string | Buffer): number;
}
