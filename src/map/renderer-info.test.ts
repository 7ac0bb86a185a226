import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer } from './renderer-info';

describe('isSoftwareRenderer', () => {
  it('knows the CPU renderers and not the GPUs', () => {
    for (const name of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'Microsoft Basic Render Driver',
    ])
      expect(isSoftwareRenderer(name)).toBe(true);
    for (const name of [
      'ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'Apple M2',
      'NVIDIA GeForce RTX 3060/PCIe/SSE2',
      'Mali-G78',
    ])
      expect(isSoftwareRenderer(name)).toBe(false);
  });
});
