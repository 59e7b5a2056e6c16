-- Neovim init for test/integration/neovim.test.ts: starts the rst-specs language
-- server over stdio on the buffer nvim was opened with, waits for its
-- diagnostics and writes them as JSON, then quits. Works on Neovim 0.7
-- (vim.lsp.start_client + buf_attach_client) and on 0.8+ (vim.lsp.start).
--
-- By hand:
--   RST_SPECS_NVIM_OUT=/tmp/d.json RST_SPECS_SERVER=$PWD/server/out/server.js \
--   RST_SPECS_ROOT=$PWD/test/integration/fixtures/workspace \
--   nvim --headless -n -i NONE --noplugin -u test/integration/nvim-lsp-init.lua \
--     test/integration/fixtures/workspace/specs/missing-dependencies.rst
local out_path = assert(os.getenv('RST_SPECS_NVIM_OUT'), 'RST_SPECS_NVIM_OUT is not set')
local server = assert(os.getenv('RST_SPECS_SERVER'), 'RST_SPECS_SERVER is not set')
local root = assert(os.getenv('RST_SPECS_ROOT'), 'RST_SPECS_ROOT is not set')
local timeout_ms = tonumber(os.getenv('RST_SPECS_NVIM_TIMEOUT_MS') or '20000')

local function write(result)
  local file = assert(io.open(out_path, 'w'))
  file:write(vim.json.encode(result))
  file:close()
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  local file = vim.api.nvim_buf_get_name(bufnr)
  -- Done when the server has published this buffer's diagnostics, even an empty list.
  local published = false
  local server_name = vim.NIL
  local config = {
    name = 'rst-specs',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
    on_init = function(_, initialize_result)
      local info = initialize_result and initialize_result.serverInfo
      if info and info.name then server_name = info.name end
    end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, handler_config)
        if result and vim.uri_to_fname(result.uri) == file then published = true end
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, handler_config)
      end,
    },
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config, { bufnr = bufnr })
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  local started = vim.loop.now()
  local received = vim.wait(timeout_ms, function()
    return published
  end, 20)
  local waited_ms = vim.loop.now() - started

  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(diagnostics, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      source = d.source or lsp.source,
      code = d.code or lsp.code,
      message = d.message,
    })
  end
  table.sort(diagnostics, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)

  local version = vim.version()
  write({
    received = received,
    waited_ms = waited_ms,
    nvim = string.format('%d.%d.%d', version.major, version.minor, version.patch),
    server_name = server_name,
    diagnostics = diagnostics,
  })
  pcall(vim.lsp.stop_client, client_id)
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(run)
    if not ok then pcall(write, { error = tostring(err) }) end
    vim.cmd('qa!')
  end,
})
